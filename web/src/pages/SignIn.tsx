import {
  Badge,
  Button,
  Card,
  Container,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { apiBaseUrl, config } from '../api/config';
import { ApiError } from '../api/errors';
import { startSignIn } from '../auth/oidc';
import { saveSession } from '../auth/session';
import { useSession } from '../auth/useAuth';
import { ApiErrorAlert } from '../components/ErrorDisplay';
import { PageHeader } from '../components/PageHeader';
import { L, ROLE_LABELS, type RoleName, roleNames } from '../i18n/labels';
import { HOME_PATH } from '../routes';

/** What the local runtime's GET /dev/users answers (infra/local/console-dev-sign-in.ts). */
interface DevUser {
  label: string;
  nama: string;
  roles: string[];
  opds: string[];
}
interface DevTenant {
  id: string;
  name: string;
  users: DevUser[];
}
interface DevSignIn {
  token: string;
  tenant: string;
  nama: string;
  roles: string[];
}

async function devFetch<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${apiBaseUrl()}${path}`, init);
  } catch (err) {
    throw ApiError.network(err);
  }
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw ApiError.fromResponse(res, body);
  return body as T;
}

/**
 * `/` when nobody is signed in. Locally: the demo users of every tenant, one click to sign in as one
 * (a dev token from the local runtime). On AWS the same page will start the OIDC sign-in instead.
 */
export default function SignInPage() {
  const session = useSession();
  const navigate = useNavigate();
  const users = useQuery({
    queryKey: ['dev-users'],
    queryFn: () => devFetch<{ tenants: DevTenant[] }>('/dev/users'),
    enabled: !session && config().devSignIn === true,
    retry: false,
  });
  const signIn = useMutation({
    mutationFn: (u: { tenant: string; label: string }) =>
      devFetch<DevSignIn>('/dev/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(u),
      }),
    onSuccess: (s) => {
      saveSession({ token: s.token, tenant: s.tenant, nama: s.nama, roles: s.roles });
      navigate(HOME_PATH);
    },
  });

  if (session) return <Navigate to={HOME_PATH} replace />;
  // On AWS there is no dev sign-in: the OIDC sign-in (authorization code + PKCE) takes its place.
  const unavailable =
    config().devSignIn !== true || (users.error instanceof ApiError && users.error.status === 404);

  return (
    <Container size="lg" py="xl" component="main">
      <PageHeader title={L.signIn.title} description={L.signIn.intro} />
      {signIn.error ? <ApiErrorAlert error={signIn.error} title={L.signIn.failed} /> : null}
      {users.isFetching ? <Loader aria-label={L.app.loading} /> : null}
      {config().oidc ? <OidcSignIn /> : null}
      {unavailable && !config().oidc ? (
        <Text>{L.signIn.unavailable}</Text>
      ) : users.error && !unavailable ? (
        <ApiErrorAlert error={users.error} />
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="md">
        {users.data?.tenants.map((t) => (
          <Card
            key={t.id}
            withBorder
            radius="md"
            padding="md"
            component="section"
            aria-labelledby={`t-${t.id}`}
          >
            <Title order={2} size="h4" id={`t-${t.id}`} mb="sm">
              {t.name}
            </Title>
            <Stack gap="xs">
              {t.users.map((u) => (
                <UnstyledButton
                  key={u.label}
                  className="demo-user"
                  onClick={() => signIn.mutate({ tenant: t.id, label: u.label })}
                  disabled={signIn.isPending}
                  data-demo-user={`${t.id}:${u.label}`}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <Stack gap={0}>
                      <Text fw={600}>{u.nama}</Text>
                      <Text size="sm" c="dimmed">
                        {L.signIn.scope(u.label, u.opds)}
                      </Text>
                    </Stack>
                    <Badge
                      variant="light"
                      tt="none"
                      color="blue"
                      styles={{ root: { color: 'var(--mantine-color-blue-9)' } }}
                    >
                      {ROLE_LABELS[u.label as RoleName] ?? roleNames(u.roles)}
                    </Badge>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Container>
  );
}

/** AWS: one button to the tenant's identity provider (authorization code + PKCE, web/src/auth/oidc.ts). */
function OidcSignIn() {
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const start = useMutation({ mutationFn: () => startSignIn(from ?? HOME_PATH) });
  return (
    <Stack gap="sm" align="flex-start" mb="md">
      <Text>{L.oidc.intro}</Text>
      <Button onClick={() => start.mutate()} loading={start.isPending} size="md">
        {L.oidc.signIn}
      </Button>
      {start.error ? <ApiErrorAlert error={start.error} title={L.signIn.failed} /> : null}
    </Stack>
  );
}

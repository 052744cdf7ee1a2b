import {
  Alert,
  Anchor,
  AppShell,
  Avatar,
  Box,
  Burger,
  Button,
  Group,
  NavLink,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingBank, IconEye, IconLogout } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Outlet, NavLink as RouterNavLink, useNavigate } from 'react-router';
import { useMe, useReadOnly, useRoles, useSession, useSignOut } from '../auth/useAuth';
import { ApiErrorAlert } from '../components/ErrorDisplay';
import { L, roleNames } from '../i18n/labels';
import { navFor, SIGN_IN_PATH } from '../routes';

/** Header (logo area, tenant, user, Keluar), role-aware navigation, "Mode baca" banner, the page. */
export function ConsoleShell() {
  const [opened, { toggle, close }] = useDisclosure();
  const session = useSession();
  const me = useMe();
  const roles = useRoles();
  const readOnly = useReadOnly();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const items = navFor(roles);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <Anchor href="#isi" className="skip-link">
        {L.app.skipToContent}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={L.nav.openMenu} />
            {/* Logo area: the tenant's emblem goes here once tenants ship one; a neutral mark until then. */}
            <ThemeIcon size={40} radius="md" variant="light" aria-label={L.shell.logoAlt} role="img">
              <IconBuildingBank size={24} aria-hidden />
            </ThemeIcon>
            <Stack gap={0}>
              <Text fw={700} size="md" lh={1.2} data-tenant-name>
                {me.data ? me.data.tenantName : <Skeleton height={16} width={200} component="span" />}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {L.app.name} · {L.app.fullName}
              </Text>
            </Stack>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Group gap="xs" wrap="nowrap" visibleFrom="xs">
              <Avatar radius="xl" size="sm" color="blue" name={session?.nama} aria-hidden />
              <Stack gap={0}>
                <VisuallyHidden>{L.shell.signedInAs}</VisuallyHidden>
                <Text size="sm" fw={600} lh={1.2} data-user-name>
                  {session?.nama}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2} data-user-roles>
                  {roleNames(roles)}
                </Text>
              </Stack>
            </Group>
            <Button
              variant="default"
              size="sm"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={() => {
                signOut();
                navigate(SIGN_IN_PATH);
              }}
            >
              {L.shell.signOut}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={L.nav.label}>
        {items.map((item) => (
          <NavLink
            key={item.id}
            component={RouterNavLink}
            to={item.path}
            label={item.nav}
            onClick={close}
            data-nav={item.id}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="isi" tabIndex={-1}>
        <Box maw={1400}>
          {readOnly ? (
            <Alert
              color="gray"
              variant="outline"
              icon={<IconEye aria-hidden />}
              title={L.shell.readOnlyTitle}
              mb="md"
              data-read-only-banner
            >
              {L.shell.readOnlyBody}
            </Alert>
          ) : null}
          {me.error ? <ApiErrorAlert error={me.error} /> : null}
          <Suspense fallback={<Skeleton height={200} />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

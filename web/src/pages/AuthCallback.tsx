import { Button, Container, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { completeSignIn } from '../auth/oidc';
import { ApiErrorAlert } from '../components/ErrorDisplay';
import { PageHeader } from '../components/PageHeader';
import { L } from '../i18n/labels';
import { SIGN_IN_PATH } from '../routes';

/** `/auth/callback`: the identity provider sends the browser back here with the code (OIDC + PKCE). */
export default function AuthCallbackPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const started = useRef(false);
  useEffect(() => {
    // Once only: StrictMode runs effects twice, and a code can be exchanged once.
    if (started.current) return;
    started.current = true;
    completeSignIn(window.location.href).then(
      (to) => navigate(to, { replace: true }),
      (err: unknown) => setError(err),
    );
  }, [navigate]);
  return (
    <Container size="sm" py="xl" component="main">
      <PageHeader title={L.oidc.callbackTitle} />
      {error ? (
        <>
          <ApiErrorAlert error={error} title={L.oidc.failed} />
          <Button component={Link} to={SIGN_IN_PATH} mt="md" variant="default">
            {L.oidc.again}
          </Button>
        </>
      ) : (
        <Text role="status">
          <Loader size="xs" mr="xs" aria-hidden />
          {L.oidc.completing}
        </Text>
      )}
    </Container>
  );
}

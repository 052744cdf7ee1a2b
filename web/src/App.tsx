import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { setUnauthorizedHandler } from './api/client';
import { ApiError } from './api/errors';
import { useRoles, useSession } from './auth/useAuth';
import { PAGES } from './pages';
import { ForbiddenPage, NotFoundPage } from './pages/StatusPages';
import { CONSOLE_ROUTES, type ConsoleRoute, canOpen, OIDC_CALLBACK_PATH, SIGN_IN_PATH } from './routes';
import { ConsoleShell } from './shell/ConsoleShell';
import { cssVariablesResolver, theme } from './theme';

const SignInPage = lazy(() => import('./pages/SignIn'));
const AuthCallbackPage = lazy(() => import('./pages/AuthCallback'));

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network hiccup or a 5xx may.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

function RequireSession(props: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={SIGN_IN_PATH} replace state={{ from: location.pathname }} />;
  return <>{props.children}</>;
}

function Guarded(props: { route: ConsoleRoute }) {
  const roles = useRoles();
  if (!canOpen(props.route, roles)) return <ForbiddenPage />;
  const Page = PAGES[props.route.id];
  return <Page />;
}

/** A 401 from any call (token expired) signs out and returns to the sign-in page. */
function UnauthorizedRedirect() {
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.clear();
      navigate(SIGN_IN_PATH);
    });
  }, [navigate]);
  return null;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <UnauthorizedRedirect />
          <Suspense fallback={null}>
            <Routes>
              <Route path={SIGN_IN_PATH} element={<SignInPage />} />
              <Route path={OIDC_CALLBACK_PATH} element={<AuthCallbackPage />} />
              <Route
                element={
                  <RequireSession>
                    <ConsoleShell />
                  </RequireSession>
                }
              >
                {CONSOLE_ROUTES.map((r) => (
                  <Route key={r.id} path={r.path} element={<Guarded route={r} />} />
                ))}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

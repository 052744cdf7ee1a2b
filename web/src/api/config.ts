/**
 * Runtime configuration, read once at start from `/config.json` next to index.html, so one build runs
 * everywhere. On AWS the stack writes it (infra/lib/console-hosting.ts ConsoleConfig: apiUrl + oidc);
 * the local runtime answers `{ devSignIn: true }` and the API is the console's own origin.
 */
export interface ConsoleConfig {
  /** Base URL of the HTTP API without a trailing slash; absent means the console's own origin. */
  apiUrl?: string;
  /** OIDC authorization code + PKCE settings (AWS). */
  oidc?: {
    authority: string;
    clientId: string;
    redirectUri: string;
    postLogoutRedirectUri: string;
    scope: string;
    audience: string;
  };
  /** Local dev sign-in (GET /dev/users, POST /dev/sign-in) is offered; never set on AWS. */
  devSignIn?: boolean;
}

let current: ConsoleConfig = {};

export async function loadConfig(): Promise<ConsoleConfig> {
  try {
    const res = await fetch('/config.json', { headers: { accept: 'application/json' } });
    if (res.ok && (res.headers.get('content-type') ?? '').includes('json')) {
      current = (await res.json()) as ConsoleConfig;
    }
  } catch {
    // No config file (local runtime): same origin.
  }
  return current;
}

export function config(): ConsoleConfig {
  return current;
}

export function apiBaseUrl(): string {
  return (current.apiUrl ?? window.location.origin).replace(/\/+$/, '');
}

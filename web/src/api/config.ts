/**
 * Runtime configuration, read once at start from `/config.json` next to index.html. On AWS the stack
 * writes that file (API URL, identity provider); locally there is none and the API is the same origin.
 */
export interface ConsoleConfig {
  /** Absolute API origin, e.g. https://api.sigap.example.id; absent means the console's own origin. */
  apiBaseUrl?: string;
  /** Local dev sign-in (GET /dev/users, POST /dev/sign-in) is offered; never true on AWS. */
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
  return (current.apiBaseUrl ?? window.location.origin).replace(/\/+$/, '');
}

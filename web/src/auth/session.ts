/**
 * The signed-in user, kept in sessionStorage: it ends with the tab, and another tab signs in on its
 * own (two demo users side by side). The token is the only thing the API trusts; the rest is display.
 */
export interface Session {
  token: string;
  tenant: string;
  /** Display name of the user (from the identity provider or the dev sign-in). */
  nama: string;
  roles: string[];
}

const KEY = 'sigap.session';
type Listener = (session: Session | undefined) => void;
const listeners = new Set<Listener>();

export function readSession(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

export function sessionToken(): string | undefined {
  return readSession()?.token;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  for (const l of listeners) l(session);
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
  for (const l of listeners) l(undefined);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

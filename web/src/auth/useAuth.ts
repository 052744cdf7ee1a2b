import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { api, ok } from '../api/client';
import { clearSession, onSessionChange, readSession, type Session } from './session';

let snapshot: Session | undefined = readSession();
onSessionChange((s) => {
  snapshot = s;
});
const subscribe = (cb: () => void) => onSessionChange(() => cb());

/** The signed-in user (sessionStorage), re-rendering on sign-in and sign-out. */
export function useSession(): Session | undefined {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** GET /me: the caller as the API sees them (tenant name and zone for the header, roles, OPD scope). */
export function useMe() {
  const session = useSession();
  return useQuery({
    queryKey: ['me', session?.token],
    queryFn: () => ok(api.GET('/me')),
    enabled: !!session,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Roles to decide menus and pages by: the API's answer once known, the session's until then. */
export function useRoles(): readonly string[] {
  const session = useSession();
  const me = useMe();
  return me.data?.roles ?? session?.roles ?? [];
}

/** An auditor (and nobody else with them) reads only: pages hide every write control. */
export function useReadOnly(): boolean {
  const roles = useRoles();
  return roles.length > 0 && roles.every((r) => r === 'auditor');
}

export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    clearSession();
    queryClient.clear();
  }, [queryClient]);
}

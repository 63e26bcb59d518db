import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, refreshTokens } from '../api/client';
import { tokens } from '../api/tokens';
import type { Me } from '../api/schema';

export type Role = 'occupant' | 'frontdesk' | 'supervisor' | 'manager' | 'engineer' | 'security' | 'finance' | 'admin';

interface Session {
  me: Me;
  has: (...roles: Role[]) => boolean;
  /** Staff who run the desk: board, intake, the list and dispatching. */
  isDesk: boolean;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

/** True while a refresh token is stored (signed in, or about to find out). */
export function useSignedIn(): boolean {
  return useSyncExternalStore(tokens.subscribe, () => tokens.refresh() !== null);
}

export const deskRoles: Role[] = ['frontdesk', 'supervisor', 'manager', 'admin'];

/** Loads who the caller is; renders `signIn` when there is no session (or it ended). */
export function SessionProvider({ children, signIn, loading }: { children: ReactNode; signIn: ReactNode; loading: ReactNode }) {
  const signedIn = useSignedIn();
  const client = useQueryClient();
  const [ready, setReady] = useState(tokens.access() !== null);

  useEffect(() => {
    if (!signedIn) {
      client.clear(); // nothing of the last user stays in the cache
      setReady(false);
      return;
    }
    if (tokens.access()) {
      setReady(true);
      return;
    }
    // A reload: trade the stored refresh token for an access token before anything is asked.
    refreshTokens().then((ok) => setReady(ok));
  }, [signedIn, client]);

  const me = useQuery({ queryKey: ['me'], queryFn: ({ signal }) => getJson<Me>('/api/directory/me', signal), enabled: signedIn && ready, staleTime: 5 * 60_000 });

  if (!signedIn) return <>{signIn}</>;
  if (!me.data) return <>{loading}</>;
  const roles = me.data.roles as Role[];
  const has = (...wanted: Role[]) => wanted.some((r) => roles.includes(r));
  return <SessionContext.Provider value={{ me: me.data, has, isDesk: has(...deskRoles) }}>{children}</SessionContext.Provider>;
}

// The signed-in session: the access token lives in memory and the rotating refresh token in localStorage,
// so a reload stays signed in while a stolen access token runs out within 15 minutes.
const refreshKey = 'pp.refreshToken';
const expiredKey = 'pp.sessionExpired';

let accessToken: string | null = null;
const listeners = new Set<() => void>();

export const tokens = {
  access: () => accessToken,
  refresh: () => localStorage.getItem(refreshKey),
  set(access: string, refresh: string) {
    accessToken = access;
    localStorage.setItem(refreshKey, refresh);
    listeners.forEach((l) => l());
  },
  /** Ends the session; `expired` tells the sign-in page to say why the user is back there. */
  clear(expired = false) {
    if (expired) sessionStorage.setItem(expiredKey, '1');
    const had = accessToken !== null || localStorage.getItem(refreshKey) !== null;
    accessToken = null;
    localStorage.removeItem(refreshKey);
    if (had) listeners.forEach((l) => l());
  },
  /** True once after a session ended by itself (the refresh was refused). */
  takeExpired(): boolean {
    const expired = sessionStorage.getItem(expiredKey) !== null;
    sessionStorage.removeItem(expiredKey);
    return expired;
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

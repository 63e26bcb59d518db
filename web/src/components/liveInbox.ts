import { HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { refreshTokens } from '../api/client';
import { tokens } from '../api/tokens';

/** The live inbox on the gateway (Notifications' SignalR hub). */
export const liveInboxPath = '/api/notifications/hub';

/** True when the JWT is unreadable or expires within `marginSeconds`: the hub would refuse it or close soon. */
export function expiresSoon(token: string, nowMs: number, marginSeconds = 30): boolean {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const exp = (JSON.parse(atob(payload)) as { exp?: number }).exp;
    return typeof exp !== 'number' || exp * 1000 - nowMs < marginSeconds * 1000;
  } catch {
    return true;
  }
}

/** The access token for a (re)connection, refreshed first when it is about to run out. */
async function freshAccessToken(): Promise<string> {
  const access = tokens.access();
  if (!access || expiresSoon(access, Date.now())) await refreshTokens();
  return tokens.access() ?? '';
}

/**
 * While signed in, listens to the live inbox: each new entry, and each (re)connection (which may follow missed
 * entries), refreshes the bell and the inbox. The hub closes a connection when its token expires; it reconnects with
 * a fresh one, and after giving up it tries again every half minute. `language` picks the texts pushed.
 */
export function useLiveInbox(language: string) {
  const client = useQueryClient();
  useEffect(() => {
    const connection = new HubConnectionBuilder()
      .withUrl(`${liveInboxPath}?lang=${encodeURIComponent(language)}`, {
        // Straight to the WebSocket, the token in its query (browsers cannot set its headers); no negotiate round trip.
        transport: HttpTransportType.WebSockets,
        skipNegotiation: true,
        accessTokenFactory: freshAccessToken,
      })
      .withAutomaticReconnect()
      .configureLogging(LogLevel.None)
      .build();
    const refresh = () => { client.invalidateQueries({ queryKey: ['inbox'] }); };
    connection.on('inboxEntry', refresh);
    connection.on('listening', refresh);

    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      connection.start().catch(() => { if (!stopped) retry = setTimeout(start, 30_000); });
    };
    connection.onclose(() => { if (!stopped) retry = setTimeout(start, 30_000); });
    start();
    return () => {
      stopped = true;
      clearTimeout(retry);
      connection.stop().catch(() => undefined);
    };
  }, [client, language]);
}

import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { UnreadCount } from '../api/schema';

/** The unread count for the bell; the live inbox (useLiveInbox) refreshes it, the slow poll is a fallback. */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['inbox', 'unread-count'],
    queryFn: ({ signal }) => getJson<UnreadCount>('/api/notifications/inbox/unread-count', signal),
    refetchInterval: 120_000,
    select: (count) => Number(count.unread),
  });
}

/** Where a message's link leads in the console: a work order's API address opens its page. */
export function consolePath(link: string): string | null {
  const order = /^\/api\/workorders\/work-orders\/([0-9a-f-]{36})/i.exec(link);
  return order ? `/orders/${order[1]}` : null;
}

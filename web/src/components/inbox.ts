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

/**
 * Where a message's link leads in the console: a work order's API address opens its page; a complaint's opens its page
 * for staff and the complainant's portal (at that complaint) for an occupant; the complaint list address opens the list.
 */
export function consolePath(link: string, occupant = false): string | null {
  const order = /^\/api\/workorders\/work-orders\/([0-9a-f-]{36})/i.exec(link);
  if (order) return `/orders/${order[1]}`;
  const complaint = /^\/api\/complaints\/complaints\/([0-9a-f-]{36})/i.exec(link);
  if (complaint) return occupant ? `/portal/complaints#${complaint[1]}` : `/complaints/${complaint[1]}`;
  if (/^\/api\/complaints\/complaints\/?(\?|$)/i.test(link)) return occupant ? '/portal/complaints' : '/complaints';
  if (/^\/api\/complaints\/visit-plans\/due-visits/i.test(link)) return '/follow-ups';
  return null;
}

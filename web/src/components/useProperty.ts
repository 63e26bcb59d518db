import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { PropertyPage } from '../api/schema';
import { useSession } from '../auth/session';

/** The property the desk works on: the caller's first (staff of several pick it in the header). */
export function useProperty() {
  const { me } = useSession();
  const properties = useQuery({
    queryKey: ['properties'],
    queryFn: ({ signal }) => getJson<PropertyPage>('/api/directory/properties?pageSize=200', signal),
    staleTime: 10 * 60_000,
  });
  const stored = localStorage.getItem('pp.propertyId');
  const items = properties.data?.items ?? [];
  const current = items.find((p) => p.id === stored) ?? items.find((p) => me.propertyIds.includes(p.id)) ?? items[0];
  return { propertyId: current?.id ?? me.propertyIds[0], property: current, properties: items };
}

export function chooseProperty(id: string) {
  localStorage.setItem('pp.propertyId', id);
  window.location.reload();
}

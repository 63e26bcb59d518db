import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { Engineer } from '../api/schema';

export function useEngineers(propertyId: string | undefined) {
  return useQuery({
    queryKey: ['engineers', propertyId],
    queryFn: ({ signal }) => getJson<Engineer[] | { items: Engineer[] }>(`/api/workorders/engineers?propertyId=${propertyId}`, signal),
    enabled: !!propertyId,
    staleTime: 5 * 60_000,
    select: (data) => (Array.isArray(data) ? data : data.items),
  });
}

import { useQuery } from '@tanstack/react-query';
import { getAll } from '../api/pages';
import type { Occupancy, Unit } from '../api/schema';
import { unitChoices } from './unitSearch';

interface OccupantRow { id: string; phone: string | null }

/** A property's units with who holds them now, for finding a unit by number, occupant or phone (repair intake, cash desk). */
export function useUnitDirectory(propertyId: string | undefined) {
  return useQuery({
    queryKey: ['unit-directory', propertyId],
    enabled: !!propertyId,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const [units, occupancies, occupants] = await Promise.all([
        getAll<Unit>(`/api/directory/units?propertyId=${propertyId}`, signal),
        getAll<Occupancy>(`/api/directory/occupancies?propertyId=${propertyId}&current=true`, signal),
        getAll<OccupantRow>(`/api/directory/occupants?propertyId=${propertyId}`, signal),
      ]);
      return unitChoices(units, occupancies, new Map(occupants.map((o) => [o.id, o.phone])));
    },
  });
}

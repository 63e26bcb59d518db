import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../api/client';
import { PhotoThumbnails } from '../../components/Photos';
import { base, type ReceptionPhoto } from './api';

/**
 * The photos of an exit pass's goods or of a found item (`path`: `/exit-passes/{id}` or `/lost-items/{id}`), fetched only
 * when it has some; nothing while it has none.
 */
export function ReceptionPhotoStrip({ path, count, size, testId }: { path: string; count: number; size?: number; testId?: string }) {
  const photos = useQuery({
    queryKey: ['reception', 'photos', path, count],
    enabled: count > 0,
    queryFn: ({ signal }) => getJson<ReceptionPhoto[]>(`${base}${path}/photos`, signal),
  });
  if (count === 0 || !photos.data) return null;
  return <div data-testid={testId}><PhotoThumbnails photos={photos.data} base={base} size={size} /></div>;
}

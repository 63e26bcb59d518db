import { Image, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';

/** A photo behind the gateway's token check: fetched with the token, shown from a blob URL. */
export function AuthImage({ src, alt, size = 96 }: { src: string; alt: string; size?: number }) {
  const blob = useQuery({
    queryKey: ['photo', src],
    queryFn: async ({ signal }) => URL.createObjectURL(await (await call(src, { signal })).blob()),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
  });
  if (!blob.data) return <Skeleton.Image active style={{ width: size, height: size }} />;
  return <Image src={blob.data} alt={alt} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 6 }} />;
}

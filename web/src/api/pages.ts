import { getJson } from './client';

interface Page<T> { items: T[]; total: number | string }

/** Every item of a paged list (the lists cap a page at 200). */
export async function getAll<T>(path: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let page = 1; page <= 50; page++) {
    const result = await getJson<Page<T>>(`${path}${separator}page=${page}&pageSize=200`, signal);
    items.push(...result.items);
    if (result.items.length < 200 || items.length >= Number(result.total)) break;
  }
  return items;
}

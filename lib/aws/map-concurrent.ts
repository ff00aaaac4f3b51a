/**
 * Maps `items` with at most `limit` calls of `fn` in flight, keeping the order of the results.
 * Collectors use it for per-resource calls: the token buckets set the pace, the limit only keeps
 * enough calls queued to use each bucket fully.
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  async function worker(): Promise<void> {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, () => worker());
  await Promise.all(workers);
  return results;
}

/** How many per-resource configuration reads a collector keeps in flight (the token buckets set the pace). */
export const CONFIG_CONCURRENCY = 24;

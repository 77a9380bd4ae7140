// Bounded concurrency for work that mostly waits (fetches, PostgreSQL round trips).

/** Runs `work` over `items`, at most `limit` at once; the first error is thrown once all have settled. */
export async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const lane = async () => {
    while (next < items.length && errors.length === 0) {
      const item = items[next++]!;
      await work(item).catch((err) => { errors.push(err); });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (errors.length) throw errors[0];
}

/**
 * Reads every page of a secondary list (a thing's principals, a group's members) through
 * CollectorCalls.may. Resolves to undefined when the first page failed (already reported), to []
 * when AWS said there is nothing to list, and otherwise to every item read; a later page failing
 * keeps what was read before it.
 */
export async function drainPages<P, I>(
  fetchPage: (token: string | undefined) => Promise<P | null | undefined>,
  read: (page: P) => { items: I[]; next?: string | null | undefined },
): Promise<I[] | undefined> {
  const items: I[] = [];
  const count = await streamPages(fetchPage, read, async (pageItems) => {
    items.push(...pageItems);
  });
  return count === undefined ? undefined : items;
}

/**
 * drainPages for a list too long to hold (a policy attached to a whole fleet's certificates):
 * hands each page's items to `onItems` as it arrives and resolves to how many were read, or to
 * undefined when the first page failed.
 */
export async function streamPages<P, I>(
  fetchPage: (token: string | undefined) => Promise<P | null | undefined>,
  read: (page: P) => { items: I[]; next?: string | null | undefined },
  onItems: (items: I[]) => Promise<void>,
): Promise<number | undefined> {
  let count = 0;
  const seen = new Set<string>();
  let token: string | undefined;
  for (let first = true; ; first = false) {
    const page = await fetchPage(token);
    if (page === undefined) return first ? undefined : count;
    if (page === null) return count;
    const { items: pageItems, next } = read(page);
    count += pageItems.length;
    await onItems(pageItems);
    if (!next || seen.has(next)) return count;
    seen.add(next);
    token = next;
  }
}

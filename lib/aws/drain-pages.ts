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
  const seen = new Set<string>();
  let token: string | undefined;
  for (let first = true; ; first = false) {
    const page = await fetchPage(token);
    if (page === undefined) return first ? undefined : items;
    if (page === null) return items;
    const { items: pageItems, next } = read(page);
    items.push(...pageItems);
    if (!next || seen.has(next)) return items;
    seen.add(next);
    token = next;
  }
}

import type { CollectorContext } from "@/lib/aws/collector-types";
import { BatchBuilder } from "@/lib/aws/batch-builder";
import { streamPages } from "@/lib/aws/drain-pages";

/**
 * Reads a list that only yields relations (a policy's targets, a group's members), one page at a
 * time, and stores each page's relations as it arrives (ctx.storeRelations) instead of holding
 * them until the collector's page is emitted: a fleet-wide list holds 100,000 entries. One page
 * is stored while the next is read; at most one store is in flight. Resolves to how many items
 * were read, or to undefined when the first page failed (already reported).
 */
export async function streamRelations<P, I>(
  ctx: Pick<CollectorContext, "region" | "accountId" | "storeRelations">,
  fetchPage: (token: string | undefined) => Promise<P | null | undefined>,
  read: (page: P) => { items: I[]; next?: string | null | undefined },
  relate: (item: I, edges: BatchBuilder) => void,
): Promise<number | undefined> {
  let storing: Promise<void> = Promise.resolve();
  const count = await streamPages(fetchPage, read, async (items) => {
    const edges = new BatchBuilder(ctx);
    for (const item of items) relate(item, edges);
    await storing;
    storing = ctx.storeRelations(edges.relationList());
    storing.catch(() => undefined);
  });
  await storing;
  return count;
}

/**
 * The page loop every collector runs: start from the resume cursor, fetch a page, turn it into
 * resources and relations, emit them with the cursor of the next page, repeat. The engine stores a
 * batch and its cursor together, so a scan killed at any point resumes at the first page it had not
 * finished. A collector always emits at least once, so an empty list still marks it finished.
 */
import type { CollectorContext } from "@/lib/aws/collector-types";
import { BatchBuilder } from "@/lib/aws/batch-builder";
import type { Page } from "@/lib/aws/collector-calls";

export async function walkPages<I>(
  ctx: CollectorContext,
  fetchPage: (cursor: string | null) => Promise<Page<I>>,
  handlePage: (items: I[], batch: BatchBuilder) => Promise<void>,
): Promise<void> {
  let cursor = ctx.resumeCursor;
  const seen = new Set<string>();
  ctx.signal.throwIfAborted();
  let pending: Promise<Page<I>> = fetchPage(cursor);
  for (;;) {
    const page = await pending;
    let next = page.next;
    if (next !== null && (next === cursor || seen.has(next))) {
      await ctx.report({
        severity: "warning",
        code: "PaginationLoop",
        message: "AWS returned a page token it had returned before; the list was stopped there to avoid reading it forever.",
      });
      next = null;
    }
    if (next !== null) {
      seen.add(next);
      // The next page is asked for while this one is handled and stored, so the list call's
      // quota, not the time spent storing, sets the pace. At most one page is read ahead, and its
      // cursor is stored only once this page is.
      ctx.signal.throwIfAborted();
      pending = fetchPage(next);
      pending.catch(() => undefined);
    }
    const batch = new BatchBuilder(ctx);
    await handlePage(page.items, batch);
    await ctx.emit(batch.toBatch(next));
    if (next === null) return;
    cursor = next;
  }
}

/** Cursor of a collector that walks a list it computed itself (phase 2): "offset:<n>". */
export function offsetCursor(offset: number): string {
  return `offset:${offset}`;
}

export function parseOffsetCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  const match = /^offset:(\d+)$/.exec(cursor);
  return match ? Number(match[1]) : 0;
}

/**
 * walkPages over an in-memory list (the ARNs phase 1 referenced), `pageSize` items per batch,
 * with "offset:<n>" cursors. The list must come out in the same order on a resumed run (sort it).
 */
export async function walkList<T>(
  ctx: CollectorContext,
  items: readonly T[],
  pageSize: number,
  handlePage: (items: T[], batch: BatchBuilder) => Promise<void>,
): Promise<void> {
  await walkPages(
    ctx,
    async (cursor) => {
      const start = parseOffsetCursor(cursor);
      const end = Math.min(items.length, start + pageSize);
      return { items: items.slice(start, end), next: end < items.length ? offsetCursor(end) : null };
    },
    handlePage,
  );
}

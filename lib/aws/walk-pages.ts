/**
 * The page loop every collector runs: start from the resume cursor, fetch a page, turn it into
 * resources and relations, emit them with the cursor of the next page, repeat. The engine stores a
 * batch and its cursor together, so a scan killed at any point resumes at the first page it had not
 * finished. A collector always emits at least once, so an empty list still marks it finished.
 */
import type { CollectorContext } from "@/lib/aws/collector-types";
import { BatchBuilder } from "@/lib/aws/batch-builder";
import type { Page } from "@/lib/aws/collector-calls";

/** How many pages a collector reads ahead of the page it is storing. */
export const READ_AHEAD_PAGES = 3;

export async function walkPages<I>(
  ctx: CollectorContext,
  fetchPage: (cursor: string | null) => Promise<Page<I>>,
  handlePage: (items: I[], batch: BatchBuilder) => Promise<void>,
  readAhead: number = READ_AHEAD_PAGES,
): Promise<void> {
  // The list is read by a producer that runs up to `readAhead` pages ahead, so the list call's
  // quota, not the time spent handling and storing pages, sets the pace. Pages are handled and
  // stored in order, each with the cursor of the page after it: pages read ahead but not stored
  // when a scan stops are simply read again when it resumes.
  const ready: Array<{ items: I[]; next: string | null }> = [];
  let finished = false;
  let failure: { error: unknown } | null = null;
  let stopped = false;
  // The producer waits only when the buffer is full and the consumer only when it is empty, so
  // one of them at most is waiting at any time.
  let wake: (() => void) | null = null;
  const waitForTheOther = () => new Promise<void>((resolve) => (wake = resolve));
  const wakeTheOther = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  const produce = async () => {
    let cursor = ctx.resumeCursor;
    const seen = new Set<string>();
    try {
      for (;;) {
        while (ready.length >= Math.max(1, readAhead) && !stopped) await waitForTheOther();
        if (stopped) return;
        ctx.signal.throwIfAborted();
        const page = await fetchPage(cursor);
        let next = page.next;
        if (next !== null && (next === cursor || seen.has(next))) {
          await ctx.report({
            severity: "warning",
            code: "PaginationLoop",
            message: "AWS returned a page token it had returned before; the list was stopped there to avoid reading it forever.",
          });
          next = null;
        }
        if (next !== null) seen.add(next);
        ready.push({ items: page.items, next });
        wakeTheOther();
        if (next === null) return;
        cursor = next;
      }
    } catch (error) {
      failure = { error };
    } finally {
      finished = true;
      wakeTheOther();
    }
  };

  const producer = produce();
  try {
    for (;;) {
      while (ready.length === 0) {
        // A page that could not be read ends the walk once every page before it is stored.
        if (finished) {
          const failed = failure as { error: unknown } | null;
          throw failed ? failed.error : new Error("walkPages: the list ended without a last page");
        }
        await waitForTheOther();
      }
      const { items, next } = ready.shift()!;
      wakeTheOther();
      const batch = new BatchBuilder(ctx);
      await handlePage(items, batch);
      await ctx.emit(batch.toBatch(next));
      if (next === null) return;
    }
  } finally {
    stopped = true;
    wakeTheOther();
    await producer;
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

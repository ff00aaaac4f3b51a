import { describe, expect, it } from "vitest";
import type { CollectorContext, CollectorIssue, EmitBatch } from "@/lib/aws/collector-types";
import { walkPages } from "@/lib/aws/walk-pages";

/** A list of `pages` pages of two items each, whose tokens are "p1", "p2"...; `failAt` throws on that page. */
function list(pages: number, options: { failAt?: number; loopAt?: number } = {}) {
  const fetched: (string | null)[] = [];
  const fetchPage = async (cursor: string | null) => {
    fetched.push(cursor);
    await new Promise((r) => setTimeout(r, 1));
    const n = cursor === null ? 0 : Number(cursor.slice(1));
    if (n === options.failAt) throw new Error(`page ${n} failed`);
    const next = n + 1 < pages ? (n + 1 === options.loopAt ? "p1" : `p${n + 1}`) : null;
    return { items: [`item-${n}-a`, `item-${n}-b`], next };
  };
  return { fetched, fetchPage };
}

function context(resumeCursor: string | null = null, onEmit?: (batch: EmitBatch) => Promise<void>) {
  const emitted: EmitBatch[] = [];
  const issues: CollectorIssue[] = [];
  const ctx = {
    region: "eu-west-1",
    accountId: "123456789012",
    resumeCursor,
    signal: new AbortController().signal,
    emit: async (batch: EmitBatch) => {
      await onEmit?.(batch);
      emitted.push(batch);
    },
    report: async (issue: CollectorIssue) => {
      issues.push(issue);
    },
  } as unknown as CollectorContext;
  return { ctx, emitted, issues };
}

const handle = async (items: string[], batch: { add: (r: never) => unknown }) => {
  for (const name of items) batch.add({ kind: "AWS::Test::Item", arn: `arn:aws:test:::${name}`, name, raw: {} } as never);
};

describe("walkPages", () => {
  it("stores every page in order, each with the cursor of the page after it", async () => {
    const { fetchPage, fetched } = list(5);
    const { ctx, emitted } = context();
    await walkPages(ctx, fetchPage, handle);
    expect(emitted.map((b) => b.nextCursor)).toEqual(["p1", "p2", "p3", "p4", null]);
    expect(emitted.flatMap((b) => b.resources.map((r) => r.name))).toEqual([0, 1, 2, 3, 4].flatMap((n) => [`item-${n}-a`, `item-${n}-b`]));
    expect(fetched).toEqual([null, "p1", "p2", "p3", "p4"]);
  });

  it("starts from the resume cursor", async () => {
    const { fetchPage, fetched } = list(4);
    const { ctx, emitted } = context("p2");
    await walkPages(ctx, fetchPage, handle);
    expect(fetched).toEqual(["p2", "p3"]);
    expect(emitted.map((b) => b.nextCursor)).toEqual(["p3", null]);
  });

  it("reads ahead while a page is stored, but never more than the read-ahead", async () => {
    const { fetchPage, fetched } = list(10);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const { ctx, emitted } = context(null, async (batch) => {
      if (batch.nextCursor === "p1") await gate; // the first page is slow to store
    });
    const walk = walkPages(ctx, fetchPage, handle, 3);
    await new Promise((r) => setTimeout(r, 50));
    // Page 0 is being stored; pages 1 to 3 are read and waiting; page 4 is not asked for yet.
    expect(fetched).toEqual([null, "p1", "p2", "p3"]);
    expect(emitted).toHaveLength(0);
    release();
    await walk;
    expect(emitted).toHaveLength(10);
    expect(fetched).toHaveLength(10);
  });

  it("stores every page read before a page fails, then fails", async () => {
    const { fetchPage } = list(6, { failAt: 3 });
    const { ctx, emitted } = context();
    await expect(walkPages(ctx, fetchPage, handle)).rejects.toThrow("page 3 failed");
    expect(emitted.map((b) => b.nextCursor)).toEqual(["p1", "p2", "p3"]);
  });

  it("stops reading when a page cannot be stored", async () => {
    const { fetchPage, fetched } = list(50);
    const { ctx, emitted } = context(null, async (batch) => {
      if (batch.nextCursor === "p2") throw new Error("database gone");
    });
    await expect(walkPages(ctx, fetchPage, handle, 2)).rejects.toThrow("database gone");
    expect(emitted).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(fetched.length).toBeLessThanOrEqual(5);
  });

  it("stops a list whose tokens loop, and says so", async () => {
    const { fetchPage } = list(10, { loopAt: 3 });
    const { ctx, emitted, issues } = context();
    await walkPages(ctx, fetchPage, handle);
    expect(emitted.map((b) => b.nextCursor)).toEqual(["p1", "p2", null]);
    expect(issues.map((i) => i.code)).toEqual(["PaginationLoop"]);
  });

  it("emits once for an empty list", async () => {
    const { ctx, emitted } = context();
    await walkPages(ctx, async () => ({ items: [], next: null }), handle);
    expect(emitted).toEqual([{ resources: [], relations: [], nextCursor: null }]);
  });
});

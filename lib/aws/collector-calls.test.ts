import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ListThingsCommand } from "@aws-sdk/client-iot";
import type { CollectorContext, CollectorIssue, EmitBatch } from "@/lib/aws/collector-types";
import { operationOf, withCollectorCalls } from "@/lib/aws/collector-calls";
import { walkPages } from "@/lib/aws/walk-pages";
import { mapConcurrent } from "@/lib/aws/map-concurrent";
import { awsError } from "@/lib/aws/testing/run-collector";

function fakeContext(overrides: Partial<CollectorContext> = {}) {
  const issues: CollectorIssue[] = [];
  const batches: EmitBatch[] = [];
  const ctx = {
    region: "eu-west-1",
    accountId: "123456789012",
    partition: "aws",
    mode: "summary",
    includeShadows: false,
    clients: { region: "eu-west-1", get: () => ({}) },
    resumeCursor: null,
    signal: new AbortController().signal,
    emit: async (batch: EmitBatch) => void batches.push(batch),
    report: async (issue: CollectorIssue) => void issues.push(issue),
    storeRelations: async () => undefined,
    referencedArns: async () => [],
    ...overrides,
  } as CollectorContext;
  return { ctx, issues, batches };
}

const command = new ListThingsCommand({});
const schema = z.looseObject({ ok: z.boolean() });

describe("withCollectorCalls", () => {
  it("names operations from the command", () => {
    expect(operationOf(command)).toBe("ListThings");
  });

  it("caps repeated reports and skips an operation after repeated denials", async () => {
    const { ctx, issues } = fakeContext();
    const client = { send: vi.fn().mockRejectedValue(awsError("AccessDeniedException", 403)) };
    await withCollectorCalls(ctx, async (calls) => {
      for (let i = 0; i < 100; i++) expect(await calls.may(client, command, schema, { arn: `arn:${i}` })).toBeUndefined();
    });
    expect(client.send).toHaveBeenCalledTimes(5);
    expect(issues.filter((i) => i.code === "AccessDenied" && i.arn)).toHaveLength(5);
    expect(issues.at(-1)?.message).toContain("skipped for the rest of this collector");
  });

  it("summarises issues beyond the per-kind cap", async () => {
    const { ctx, issues } = fakeContext();
    const client = { send: vi.fn().mockResolvedValue({ ok: "yes" }) };
    await withCollectorCalls(ctx, async (calls) => {
      for (let i = 0; i < 30; i++) await calls.may(client, command, schema);
    });
    expect(issues).toHaveLength(21);
    expect(issues.at(-1)?.message).toBe('10 more "MalformedResponse" issues on ListThings were not listed one by one.');
  });

  it("stops the collector on failures that would hit every call", async () => {
    const { ctx } = fakeContext();
    const client = { send: vi.fn().mockRejectedValue(awsError("ExpiredTokenException", 400)) };
    await expect(withCollectorCalls(ctx, (calls) => calls.may(client, command, schema).then(() => undefined))).rejects.toMatchObject({
      code: "ExpiredCredentials",
      operation: "ListThings",
    });
  });

  it("lets a cancelled scan's error through untouched", async () => {
    const controller = new AbortController();
    const reason = new Error("cancelled by user");
    const { ctx } = fakeContext({ signal: controller.signal });
    const client = {
      send: vi.fn().mockImplementation(async () => {
        controller.abort(reason);
        throw reason;
      }),
    };
    await expect(withCollectorCalls(ctx, (calls) => calls.must(client, command, schema).then(() => undefined))).rejects.toBe(reason);
  });

  it("fails a page with an unreadable envelope as MalformedResponse", async () => {
    const { ctx } = fakeContext();
    const client = { send: vi.fn().mockResolvedValue({ things: "not a list" }) };
    await expect(
      withCollectorCalls(ctx, (calls) => calls.page(client, command, { items: "things", next: "nextToken", item: z.unknown() }).then(() => undefined)),
    ).rejects.toMatchObject({ code: "MalformedResponse", message: expect.stringContaining("things") });
  });
});

describe("walkPages", () => {
  it("emits once for an empty list and stops on a repeated token", async () => {
    const { ctx, batches, issues } = fakeContext();
    await walkPages(ctx, async () => ({ items: [], next: null }), async () => {});
    expect(batches).toEqual([{ resources: [], relations: [], nextCursor: null }]);

    const loop = fakeContext();
    const tokens = ["a", "b", "a"];
    let i = 0;
    await walkPages(loop.ctx, async () => ({ items: [], next: tokens[i++] ?? null }), async () => {});
    expect(loop.batches.map((b) => b.nextCursor)).toEqual(["a", "b", null]);
    expect(loop.issues[0]?.code).toBe("PaginationLoop");
    expect(issues).toEqual([]);
  });
});

describe("mapConcurrent", () => {
  it("keeps order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapConcurrent([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});

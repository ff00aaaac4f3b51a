import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ListThingsCommand } from "@aws-sdk/client-iot";
import type { CollectorContext, CollectorIssue, EmitBatch } from "@/lib/aws/collector-types";
import { operationOf, withCollectorCalls } from "@/lib/aws/collector-calls";
import { walkPages } from "@/lib/aws/walk-pages";
import { BatchBuilder } from "@/lib/aws/batch-builder";
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

  it("records a denied call as a gap on its resource, counts it once for the batch, and skips the operation after repeated denials", async () => {
    const { ctx, issues } = fakeContext();
    const client = { send: vi.fn().mockRejectedValue(awsError("AccessDeniedException", 403)) };
    let batch: EmitBatch | undefined;
    await withCollectorCalls(ctx, async (calls) => {
      const builder = new BatchBuilder(ctx);
      for (let i = 0; i < 100; i++) {
        expect(await calls.may(client, command, schema, { arn: `arn:${i}` })).toBeUndefined();
        builder.add({ kind: "AWS::IoT::Thing", arn: `arn:${i}`, name: `t${i}`, raw: { thing: { thingName: `t${i}` } } });
      }
      batch = builder.toBatch(null);
    });
    expect(client.send).toHaveBeenCalledTimes(5);
    expect(batch?.resources.every((r) => JSON.stringify(r.gaps) === JSON.stringify([{ operation: "ListThings", code: "AccessDenied" }]))).toBe(true);
    expect(batch?.gaps).toEqual([{ operation: "ListThings", code: "AccessDenied", count: 100, message: expect.stringContaining("not allowed calling ListThings"), arn: "arn:0" }]);
    // No issue per resource: the one report says the operation was skipped.
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain("skipped for the rest of this collector");
  });

  it("summarises reports beyond the per-kind cap", async () => {
    const { ctx, issues } = fakeContext();
    await withCollectorCalls(ctx, async (calls) => {
      for (let i = 0; i < 30; i++) await calls.report({ severity: "warning", code: "MalformedPolicy", operation: "GetPolicy", message: `policy ${i}` });
    });
    expect(issues).toHaveLength(21);
    expect(issues.at(-1)?.message).toBe('10 more "MalformedPolicy" issues on GetPolicy were not listed one by one.');
  });

  it.each([
    ["a persistent server error", awsError("InternalFailureException", 500), "ServiceUnavailable"],
    ["throttling that outlasts the retries", awsError("ThrottlingException", 429), "Throttled"],
    ["an operation the endpoint does not offer", awsError("InternalFailure", 501, "API action 'ListThings' for service 'iot' not yet implemented"), "OperationNotOffered"],
    ["a request that timed out", Object.assign(new Error("a request has exceeded the configured 30000 ms requestTimeout."), { name: "TimeoutError", code: "ETIMEDOUT" }), "NetworkError"],
    ["an unreadable answer", awsError("SyntaxError", 200, "Unexpected token '<' ... Deserialization error: ..."), "MalformedResponse"],
  ])("goes on after %s on a secondary call, leaving a gap", async (_label, error, code) => {
    const { ctx, issues } = fakeContext();
    const client = { send: vi.fn().mockRejectedValue(error) };
    let batch: EmitBatch | undefined;
    await withCollectorCalls(ctx, async (calls) => {
      const builder = new BatchBuilder(ctx);
      for (const arn of ["arn:a", "arn:b", "arn:c"]) {
        expect(await calls.may(client, command, schema, { arn })).toBeUndefined();
        builder.add({ kind: "AWS::IoT::Thing", arn, name: arn, raw: { thing: { thingName: arn } } });
      }
      batch = builder.toBatch(null);
    });
    expect(batch?.resources.map((r) => r.gaps)).toEqual([0, 1, 2].map(() => [{ operation: "ListThings", code }]));
    expect(batch?.gaps).toEqual([expect.objectContaining({ operation: "ListThings", code, count: 3 })]);
    expect(issues).toEqual([]);
    // An operation the endpoint does not offer is asked once; the others every time.
    expect(client.send).toHaveBeenCalledTimes(code === "OperationNotOffered" ? 1 : 3);
  });

  it("holds the calls in flight behind an operation's first answer, and sends none when the endpoint does not offer it", async () => {
    const { ctx } = fakeContext();
    let release: () => void = () => undefined;
    const client = {
      send: vi.fn().mockImplementation(
        () => new Promise((_resolve, reject) => (release = () => reject(awsError("UnknownOperationException", 404, "op")))),
      ),
    };
    let batch: EmitBatch | undefined;
    await withCollectorCalls(ctx, async (calls) => {
      const builder = new BatchBuilder(ctx);
      const arns = Array.from({ length: 24 }, (_, i) => `arn:${i}`);
      const pending = mapConcurrent(arns, 24, (arn) => calls.may(client, command, schema, { arn }));
      await new Promise((r) => setTimeout(r, 20));
      expect(client.send).toHaveBeenCalledTimes(1);
      release();
      expect(await pending).toEqual(arns.map(() => undefined));
      for (const arn of arns) builder.add({ kind: "AWS::IoT::Thing", arn, name: arn, raw: { thing: { thingName: arn } } });
      batch = builder.toBatch(null);
    });
    expect(client.send).toHaveBeenCalledTimes(1);
    expect(batch?.gaps).toEqual([expect.objectContaining({ operation: "ListThings", code: "OperationNotOffered", count: 24 })]);
  });

  it("keeps asking an operation that answered before, when one call comes back as not offered", async () => {
    const { ctx } = fakeContext();
    const client = {
      send: vi
        .fn()
        .mockResolvedValueOnce({ ok: true })
        .mockRejectedValueOnce(awsError("Unknown", 404, "Not Found"))
        .mockResolvedValueOnce({ ok: true }),
    };
    await withCollectorCalls(ctx, async (calls) => {
      expect(await calls.may(client, command, schema, { arn: "arn:a" })).toEqual({ ok: true });
      expect(await calls.may(client, command, schema, { arn: "arn:b" })).toBeUndefined();
      expect(await calls.may(client, command, schema, { arn: "arn:c" })).toEqual({ ok: true });
    });
    expect(client.send).toHaveBeenCalledTimes(3);
  });

  it("counts a failed call about no one resource on the batch only", async () => {
    const { ctx } = fakeContext();
    const client = { send: vi.fn().mockRejectedValue(awsError("InternalFailureException", 500)) };
    let batch: EmitBatch | undefined;
    await withCollectorCalls(ctx, async (calls) => {
      await calls.may(client, command, schema);
      batch = new BatchBuilder(ctx).toBatch(null);
    });
    expect(batch).toEqual({ resources: [], relations: [], nextCursor: null, gaps: [expect.objectContaining({ operation: "ListThings", code: "ServiceUnavailable", count: 1 })] });
    expect(batch?.gaps?.[0]).not.toHaveProperty("arn");
  });

  it.each([
    ["refused connections", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4566"), { code: "ECONNREFUSED" }), "NetworkError"],
    ["an unknown host", Object.assign(new Error("getaddrinfo ENOTFOUND ingest.timestream.example"), { code: "ENOTFOUND" }), "NetworkError"],
    ["refused credentials", awsError("UnrecognizedClientException", 403), "InvalidCredentials"],
  ])("still stops on %s", async (_label, error, code) => {
    const { ctx } = fakeContext();
    const client = { send: vi.fn().mockRejectedValue(error) };
    await expect(withCollectorCalls(ctx, (calls) => calls.may(client, command, schema, { arn: "arn:a" }).then(() => undefined))).rejects.toMatchObject({ code });
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

/**
 * Runs a collector in a unit test against aws-sdk-client-mock stubs and gathers what it emitted,
 * then checks the rules every collector must keep:
 * - every relation names the kind of its target (toKind), so dangling references can be shown;
 * - every resource is of a kind the collector declares;
 * - every operation it called is declared in its `apis`, deep-only ones only in deep mode and
 *   shadow ones only when shadows were asked for (the scan plan is built from those declarations);
 * - a finished run ends with a null cursor;
 * - every resource's raw data matches its kind's schema of stored raw data
 *   (lib/inventory/raw/raw-schema-registry.ts), what mapping and compliance read back: so every
 *   collector unit test is also a test of its kind's schema against the collector's own output.
 */
import { afterAll, beforeEach, expect } from "vitest";
import { mockClient, type AwsStub } from "aws-sdk-client-mock";
import type {
  CollectorDefinition,
  CollectorIssue,
  EmitBatch,
  GapTally,
  RelationRecord,
  ResourceRecord,
  ScanMode,
} from "@/lib/aws/collector-types";
import { createClientFactory } from "@/lib/aws/create-client-factory";
import { operationOf } from "@/lib/aws/collector-calls";
import { testCredentials } from "@/lib/aws/testing/static-credentials";
import { describeZodIssues } from "@/lib/aws/describe-zod-issues";
import { isCollectedKind, RAW_SCHEMAS, rawSchemaOf, type CollectedKind, type RawOf } from "@/lib/inventory/raw/raw-schema-registry";
import { declaredView } from "@/lib/testing/declared-view";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAwsStub = AwsStub<any, any, any>;

/**
 * A stub of `ClientClass#send`, reset before each test to answer `{}` to any command (an empty
 * but valid answer), and restored after the file.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useAwsMock(ClientClass: { prototype: any }): AnyAwsStub {
  const stub = mockClient(ClientClass) as AnyAwsStub;
  beforeEach(() => {
    stub.reset();
    stub.onAnyCommand().resolves({});
  });
  afterAll(() => stub.restore());
  return stub;
}

export interface RunCollectorOptions {
  mode?: ScanMode;
  includeShadows?: boolean;
  resumeCursor?: string | null;
  region?: string;
  accountId?: string;
  partition?: string;
  /** What ctx.referencedArns(kind) answers (phase 2 collectors). */
  referenced?: Record<string, string[]>;
  /** Stubs whose calls are checked against the collector's declared APIs. */
  mocks?: AnyAwsStub[];
  /** Simulate a killed scan: the emit after this many batches fails. */
  killAfterBatches?: number;
  /** Return a thrown error in the result instead of failing the test. */
  allowError?: boolean;
}

export interface CollectorRun {
  batches: EmitBatch[];
  resources: ResourceRecord[];
  relations: RelationRecord[];
  /** The size of each early store of relations (ctx.storeRelations), in order. */
  relationStores: number[];
  issues: CollectorIssue[];
  /** What could not be read, as the batches tallied it for the scan. */
  gaps: GapTally[];
  /** The cursor of each emitted batch. */
  cursors: (string | null)[];
  /** Operations called on the given mocks, in order. */
  operations: string[];
  error?: unknown;
}

export const TEST_ACCOUNT = "123456789012";
export const TEST_REGION = "eu-west-1";

class ScanKilled extends Error {}

export async function runCollector(collector: CollectorDefinition, options: RunCollectorOptions = {}): Promise<CollectorRun> {
  const mode = options.mode ?? "summary";
  const includeShadows = options.includeShadows ?? false;
  const region = options.region ?? TEST_REGION;
  const batches: EmitBatch[] = [];
  const early: RelationRecord[] = [];
  const relationStores: number[] = [];
  const issues: CollectorIssue[] = [];
  const before = new Map((options.mocks ?? []).map((m) => [m, m.calls().length]));
  let error: unknown;
  try {
    await collector.run({
      region,
      accountId: options.accountId ?? TEST_ACCOUNT,
      partition: options.partition ?? "aws",
      mode,
      includeShadows,
      clients: createClientFactory({ region, credentials: testCredentials }),
      resumeCursor: options.resumeCursor ?? null,
      signal: new AbortController().signal,
      async emit(batch) {
        if (options.killAfterBatches !== undefined && batches.length >= options.killAfterBatches) {
          throw new ScanKilled("scan killed");
        }
        // Stored as the engine would store it: through JSON.
        batches.push(JSON.parse(JSON.stringify(batch)) as EmitBatch);
      },
      async storeRelations(relations) {
        relationStores.push(relations.length);
        early.push(...(JSON.parse(JSON.stringify(relations)) as RelationRecord[]));
      },
      async referencedArns(kind) {
        return options.referenced?.[kind] ?? [];
      },
      async report(issue) {
        issues.push(issue);
      },
    });
  } catch (e) {
    error = e;
  }
  const killed = error instanceof ScanKilled;
  if (error !== undefined && !killed && !options.allowError) throw error;

  const operations = (options.mocks ?? []).flatMap((m) =>
    m
      .calls()
      .slice(before.get(m) ?? 0)
      .map((call) => operationOf(call.args[0] as object)),
  );
  const run: CollectorRun = {
    batches,
    resources: batches.flatMap((b) => b.resources),
    relations: [...early, ...batches.flatMap((b) => b.relations)],
    relationStores,
    issues,
    gaps: batches.flatMap((b) => b.gaps ?? []),
    cursors: batches.map((b) => b.nextCursor),
    operations,
    error: killed ? undefined : error,
  };
  checkCollectorRules(collector, run, { mode, includeShadows, finished: error === undefined });
  return run;
}

function checkCollectorRules(
  collector: CollectorDefinition,
  run: CollectorRun,
  how: { mode: ScanMode; includeShadows: boolean; finished: boolean },
): void {
  for (const relation of run.relations) {
    expect(relation.toKind, `relation ${relation.type} to ${relation.toArn} has no toKind`).toBeTruthy();
  }
  for (const resource of run.resources) {
    expect(collector.kinds, `collector ${collector.id} emitted undeclared kind`).toContain(resource.kind);
    expect(isCollectedKind(resource.kind), `${resource.kind} has no schema of stored raw data`).toBe(true);
    const parsed = RAW_SCHEMAS[resource.kind as CollectedKind].safeParse(resource.raw);
    expect(parsed.success, `${collector.id}: the raw data of ${resource.arn} does not match its kind's schema: ${parsed.error ? describeZodIssues(parsed.error, 5, ["raw"]) : ""}`).toBe(true);
  }
  for (const operation of new Set(run.operations)) {
    const declared = collector.apis.find((api) => api.operation === operation);
    expect(declared, `${collector.id} called ${operation} without declaring it in apis`).toBeDefined();
    if (how.mode === "summary") {
      expect(declared?.deepOnly ?? false, `${collector.id} called deep-only ${operation} in summary mode`).toBe(false);
    }
    if (!how.includeShadows) {
      expect(declared?.shadowsOnly ?? false, `${collector.id} read shadows (${operation}) without being asked`).toBe(false);
    }
  }
  // Every gap on a resource is counted in its batch's tallies.
  for (const batch of run.batches) {
    for (const resource of batch.resources) {
      for (const gap of resource.gaps ?? []) {
        expect(batch.gaps, `${resource.arn} has a gap its batch did not count`).toContainEqual(expect.objectContaining({ operation: gap.operation, code: gap.code }));
      }
    }
  }
  if (how.finished) {
    expect(run.batches.length, `${collector.id} finished without emitting`).toBeGreaterThan(0);
    expect(run.cursors.at(-1), `${collector.id} finished with a cursor`).toBeNull();
  }
}

/** The relations of a run as "from -type-> to" strings, for compact assertions. */
export function edges(run: Pick<CollectorRun, "relations">): string[] {
  return run.relations.map((r) => `${r.fromArn} -${r.type}-> ${r.toArn}`).sort();
}

/** The one resource of a run with this name (fails the test when there is not exactly one). */
export function resourceNamed(run: Pick<CollectorRun, "resources">, name: string): ResourceRecord {
  const found = run.resources.filter((r) => r.name === name);
  expect(found, `resources named ${name}`).toHaveLength(1);
  return found[0] as ResourceRecord;
}

/**
 * The raw data of the one resource of a run of this kind and name, read through its kind's schema as
 * later stages read it (fails the test when it does not match), with only the fields the schema
 * names: a schema that misnames a field reads it as missing.
 */
export function storedRaw<K extends CollectedKind>(run: Pick<CollectorRun, "resources">, kind: K, name: string): RawOf<K> {
  const found = run.resources.filter((r) => r.kind === kind && r.name === name);
  expect(found, `resources of kind ${kind} named ${name}`).toHaveLength(1);
  return declaredView(RAW_SCHEMAS[kind], rawSchemaOf(kind).parse(found[0]?.raw)) as RawOf<K>;
}

/** An AWS service error as the SDK would throw it. */
export function awsError(name: string, status = 400, message = `${name} (test)`): Error {
  return Object.assign(new Error(message), { name, $fault: status >= 500 ? "server" : "client", $metadata: { httpStatusCode: status } });
}

import "server-only";
/**
 * How collectors call AWS. Three kinds of call:
 * - `must`: a call the collector cannot do without (its top-level list). Any failure stops the
 *   collector with a classified AwsOperationError.
 * - `page`: a `must` call returning one page of a list. Items are validated one by one: a malformed
 *   item is reported and skipped, the rest of the page is kept.
 * - `may`: a secondary call (a Describe, the tags of one resource, a per-resource list). However
 *   it fails after its retries (a persistent 5xx, throttling that outlasts the retries, an
 *   operation the endpoint does not offer, access denied, not found, a malformed answer, a
 *   request that timed out), the call returns undefined and the failure is a gap: the resource is
 *   still recorded with what the list said and carries the gap ("tags not read: ..."), and the
 *   scan counts it once per operation and code (gap-ledger.ts), not once per resource. Only what
 *   would make every call fail stops the collector: credentials refused or expired, the region
 *   not enabled, an endpoint that cannot be reached, the scan being cancelled, a read-only
 *   violation.
 *
 * Every response field a collector relies on is validated with zod first (CONVENTIONS: validated
 * edges). An operation the endpoint does not offer is not called again in the run (its gaps are
 * still recorded), nor one denied repeatedly with no success; throttled and failing operations
 * are, each call paced by its token bucket and retried as usual: they may recover. Reports (a
 * malformed policy...) are capped per operation and code.
 */
import { z } from "zod";
import type { CollectorContext, CollectorIssue } from "@/lib/aws/collector-types";
import { AwsOperationError } from "@/lib/aws/aws-operation-error";
import {
  classifyAwsError,
  isPerRequestNetworkFailure,
  toAwsOperationError,
  type AwsErrorCode,
  type ClassifiedAwsError,
} from "@/lib/aws/classify-aws-error";
import { describeZodIssues } from "@/lib/aws/describe-zod-issues";
import { closeGapLedger, openGapLedger } from "@/lib/aws/gap-ledger";

/** Anything with an SDK client's `send`. */
export interface SendsCommands {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  send(command: any, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/** Failures that would repeat on every call: they stop the collector even on a secondary call. */
const STOPS_THE_COLLECTOR = new Set<AwsErrorCode>([
  "InvalidCredentials",
  "ExpiredCredentials",
  "RegionNotEnabled",
  "NetworkError",
  "Aborted",
  "ReadOnlyViolation",
]);

/** Whether a secondary call's failure stops the collector, or is a gap in what was read. */
function stopsTheCollector(error: unknown, classified: ClassifiedAwsError): boolean {
  if (!STOPS_THE_COLLECTOR.has(classified.code)) return false;
  // One request that timed out or was dropped says nothing about the next one.
  return !(classified.code === "NetworkError" && isPerRequestNetworkFailure(error));
}

/** Reports kept per (code, operation) before the rest are only counted. */
const REPORTS_PER_KIND = 20;
/** Access-denied answers, with no success, after which an operation is skipped. */
const DENIALS_BEFORE_SKIPPING = 5;

export interface PageSpec<I> {
  /** Response key of the item list, e.g. "things". */
  items: string;
  /** Response key of the next token or marker, e.g. "nextToken", "nextMarker". */
  next: string;
  item: z.ZodType<I>;
}

export interface Page<I> {
  items: I[];
  next: string | null;
}

export interface MayOptions {
  /** The resource the call is about, for the report. */
  arn?: string;
  /** Error names that mean "not configured" (S3's NoSuchLifecycleConfiguration...): the call returns null. */
  absentWhen?: readonly string[];
}

export interface CollectorCalls {
  must<T>(client: SendsCommands, command: object, schema: z.ZodType<T>): Promise<T>;
  page<I>(client: SendsCommands, command: object, spec: PageSpec<I>): Promise<Page<I>>;
  /**
   * Resolves to the validated response, null when AWS said "not configured", undefined when the
   * call failed (a gap, recorded on the resource `options.arn` and counted on the scan).
   */
  may<T>(client: SendsCommands, command: object, schema: z.ZodType<T>, options?: MayOptions): Promise<T | null | undefined>;
  report(issue: CollectorIssue): Promise<void>;
}

/** Runs `body` with a CollectorCalls for `ctx`, and reports how many issues were only counted. */
export async function withCollectorCalls(ctx: CollectorContext, body: (calls: CollectorCalls) => Promise<void>): Promise<void> {
  const reported = new Map<string, { count: number; sample: CollectorIssue }>();
  const denials = new Map<string, number>();
  const successes = new Set<string>();
  /** Operations not called again in this run, with the failure that stands for each skipped call. */
  const skipped = new Map<string, ClassifiedAwsError>();
  /**
   * Until an operation has had its first answer, its other calls wait for it: when that answer
   * is "not offered" (or the operation ends up skipped), they are not sent at all, instead of the
   * two dozen calls in flight at once all hearing it.
   */
  const firstAnswers = new Map<string, Promise<void>>();
  const gaps = openGapLedger(ctx);
  const gap = (operation: string, failure: Pick<ClassifiedAwsError, "code" | "message">, arn: string | undefined) =>
    gaps.note(arn, { operation, code: failure.code }, failure.message);

  async function report(issue: CollectorIssue): Promise<void> {
    const key = `${issue.code}\n${issue.operation ?? ""}`;
    const seen = reported.get(key) ?? { count: 0, sample: issue };
    seen.count++;
    reported.set(key, seen);
    if (seen.count <= REPORTS_PER_KIND) await ctx.report(issue);
  }

  async function send(client: SendsCommands, command: object): Promise<unknown> {
    try {
      return await client.send(command, { abortSignal: ctx.signal });
    } catch (error) {
      // A cancelled scan propagates as is; anything else is AWS's answer, classified by the caller.
      if (ctx.signal.aborted) throw error;
      throw new CallFailed(error);
    }
  }

  async function must<T>(client: SendsCommands, command: object, schema: z.ZodType<T>): Promise<T> {
    const operation = operationOf(command);
    let response: unknown;
    try {
      response = await send(client, command);
    } catch (error) {
      if (!(error instanceof CallFailed)) throw error;
      throw toAwsOperationError(error.original, { operation, region: ctx.region });
    }
    const parsed = schema.safeParse(response);
    if (!parsed.success) throw malformed(operation, parsed.error);
    return parsed.data;
  }

  async function page<I>(client: SendsCommands, command: object, spec: PageSpec<I>): Promise<Page<I>> {
    const operation = operationOf(command);
    const envelope = z.looseObject({
      [spec.items]: z.array(z.unknown()).nullish(),
      [spec.next]: z.string().nullish(),
    });
    const response = (await must(client, command, envelope)) as Record<string, unknown>;
    const rawItems = (response[spec.items] as unknown[] | null | undefined) ?? [];
    const items: I[] = [];
    for (const [index, rawItem] of rawItems.entries()) {
      const parsed = spec.item.safeParse(rawItem);
      if (parsed.success) {
        items.push(parsed.data);
      } else {
        await report({
          severity: "warning",
          code: "MalformedResponse",
          operation,
          message: `AWS listed an entry Silkroute could not read in ${operation} (${describeZodIssues(parsed.error, 2, [spec.items, index])}); it was skipped.`,
        });
      }
    }
    const next = response[spec.next];
    return { items, next: typeof next === "string" && next !== "" ? next : null };
  }

  async function may<T>(
    client: SendsCommands,
    command: object,
    schema: z.ZodType<T>,
    options: MayOptions = {},
  ): Promise<T | null | undefined> {
    const operation = operationOf(command);
    let answered: (() => void) | undefined;
    const first = firstAnswers.get(operation);
    if (first) await first;
    else firstAnswers.set(operation, new Promise<void>((resolve) => (answered = resolve)));
    const skip = skipped.get(operation);
    if (skip) {
      answered?.();
      gap(operation, skip, options.arn);
      return undefined;
    }
    let response: unknown;
    try {
      response = await send(client, command);
    } catch (failure) {
      try {
        return await failedMay(operation, failure, options);
      } finally {
        answered?.();
      }
    }
    answered?.();
    successes.add(operation);
    const parsed = schema.safeParse(response);
    if (!parsed.success) {
      gap(
        operation,
        {
          code: "MalformedResponse",
          message: `AWS answered ${operation} with a response Silkroute could not read (${describeZodIssues(parsed.error)}); those details were left out.`,
        },
        options.arn,
      );
      return undefined;
    }
    return parsed.data;
  }

  /** A secondary call failed: "not configured", a gap, or (for what fails every call) the end of the collector. */
  async function failedMay(operation: string, failure: unknown, options: MayOptions): Promise<null | undefined> {
    if (!(failure instanceof CallFailed)) throw failure;
    const error = failure.original;
    if (options.absentWhen?.some((name) => errorNames(error).includes(name))) return null;
    const classified = classifyAwsError(error, { operation, region: ctx.region });
    if (stopsTheCollector(error, classified)) throw toAwsOperationError(error, { operation, region: ctx.region });
    gap(operation, classified, options.arn);
    // An endpoint that does not offer an operation will not offer it for the next resource
    // (unless it did answer it before: then this answer is about this one call).
    if (classified.code === "OperationNotOffered" && !successes.has(operation)) skipped.set(operation, classified);
    if (classified.code === "AccessDenied" && !successes.has(operation)) {
      const count = (denials.get(operation) ?? 0) + 1;
      denials.set(operation, count);
      if (count >= DENIALS_BEFORE_SKIPPING) {
        skipped.set(operation, classified);
        await ctx.report({
          severity: "warning",
          code: "AccessDenied",
          operation,
          message: `${operation} was denied ${count} times in a row, so it was skipped for the rest of this collector. Grant it to read these details.`,
        });
      }
    }
    return undefined;
  }

  try {
    await body({ must, page, may, report });
  } finally {
    // Tallies not handed over with a batch belong to a page that was not stored: read again on
    // resume, it counts them again.
    closeGapLedger(ctx, gaps);
    for (const { count, sample } of reported.values()) {
      if (count > REPORTS_PER_KIND) {
        await ctx.report({
          severity: sample.severity,
          code: sample.code,
          operation: sample.operation,
          message: `${count - REPORTS_PER_KIND} more "${sample.code}" issues${sample.operation ? ` on ${sample.operation}` : ""} were not listed one by one.`,
        });
      }
    }
  }
}

/** Marks a failure of `send` so `must` and `may` can tell it from their own errors. */
class CallFailed extends Error {
  constructor(readonly original: unknown) {
    super("AWS call failed");
  }
}

function malformed(operation: string, error: z.ZodError): AwsOperationError {
  const detail = describeZodIssues(error);
  return new AwsOperationError(
    "MalformedResponse",
    `AWS answered ${operation} with a response Silkroute could not read (${detail}).`,
    false,
    { operation, detail },
  );
}

function errorNames(error: unknown): string[] {
  if (typeof error !== "object" || error === null) return [];
  const e = error as { name?: unknown; Code?: unknown; code?: unknown };
  return [e.name, e.Code, e.code].filter((n): n is string => typeof n === "string");
}

/**
 * The operation a command calls ("ListThings"), from the operation schema the SDK attaches to each
 * command, or else from the command's class name.
 */
export function operationOf(command: object): string {
  const schema = (command as { schema?: unknown }).schema;
  if (Array.isArray(schema) && typeof schema[2] === "string") return schema[2];
  const name = command.constructor.name;
  return name.endsWith("Command") ? name.slice(0, -"Command".length) : name;
}

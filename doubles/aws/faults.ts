/**
 * Fault injection for the stand-in AWS. Which calls fail is decided by a seeded hash of the
 * operation and how many calls that operation has had, so a run is repeatable even when calls to
 * different operations interleave differently.
 */
import { hashUnit } from "./prng";

export interface AccessDeniedRule {
  /** Signing name of the service, e.g. "iot", "s3", "dynamodb". */
  service: string;
  operation?: string;
  region?: string;
}

/**
 * How a rule answers the calls it matches:
 * - `internal`: the service's internal error (IoT InternalFailureException 500, ...);
 * - `throttling`: the service's throttling error (IoT 429 ThrottlingException, ...);
 * - `not-implemented`: 501, as AWS-compatible emulators answer an operation they lack (LocalStack:
 *   InternalFailure, "API action 'X' for service 'iot' not yet implemented"; S3: NotImplemented);
 * - `unknown-operation`: the service's own answer to an operation it does not know (restJson 404
 *   UnknownOperationException, JSON 400 UnknownOperationException, query 400 InvalidAction, S3
 *   405 MethodNotAllowed);
 * - `no-route`: 404 with a web server's HTML page, as a proxy in front of a partial emulator does;
 * - `malformed`: 200 with a body in the wrong format (HTML where JSON is due, JSON where XML is).
 */
export type FaultAnswer = "internal" | "throttling" | "not-implemented" | "unknown-operation" | "no-route" | "malformed";

export const FAULT_ANSWERS: readonly FaultAnswer[] = ["internal", "throttling", "not-implemented", "unknown-operation", "no-route", "malformed"];

/** Answer the calls to one operation in a chosen way, every time or a number of times. */
export interface FaultRule {
  /** "ListTagsForResource" (in every service that has it) or "iot:ListTagsForResource". */
  operation: string;
  region?: string;
  answer: FaultAnswer;
  /** How many calls it answers, then it is spent; every call when absent (or Infinity). */
  times?: number;
}

export interface FaultConfig {
  /** Share of calls (0-1) answered with the service's internal-error (5xx) shape. */
  error5xxRate?: number;
  /** Share of calls (0-1) held for `timeoutMs` and then cut off (socket destroyed, no response). */
  timeoutRate?: number;
  /** How long a timed-out call is held before its socket is destroyed. Default 5,000 ms. */
  timeoutMs?: number;
  /** Delay added to every call the faults apply to. */
  slowMs?: number;
  /** Limit the faults above to these operations ("ListThings" or "iot:ListThings"). */
  operations?: string[];
  /** Seed of the decisions. Default 1. */
  seed?: number;
  /** Calls answered with the service's real AccessDenied error, whatever the faults above say. */
  accessDenied?: AccessDeniedRule[];
  /** Operations answered in a chosen way (the first rule that matches and is not spent wins). */
  rules?: FaultRule[];
}

/** How long a timed-out call is held when timeoutMs is not given. */
export const DEFAULT_FAULT_TIMEOUT_MS = 5000;

/** What applies to a call before it reaches the quota: access denied, a rule's answer, and the added delay. */
export interface FaultPlan {
  accessDenied: boolean;
  /** The answer of the first matching rule that is not spent (the call uses up one of its times). */
  answer?: FaultAnswer;
  delayMs: number;
}

/** What happens to a call that got past the quota. */
export type FaultOutcome = { kind: "none" } | { kind: "error5xx" } | { kind: "timeout"; holdMs: number };

const NO_FAULT: FaultOutcome = { kind: "none" };

export class FaultInjector {
  private config: FaultConfig = {};
  private readonly counters = new Map<string, number>();
  /** Calls each rule has answered, by its index in `config.rules`. */
  private ruleUses: number[] = [];

  constructor(config?: FaultConfig) {
    if (config) this.set(config);
  }

  set(config: FaultConfig): void {
    validateFaultConfig(config);
    this.config = { ...config };
    this.counters.clear();
    this.ruleUses = (config.rules ?? []).map(() => 0);
  }

  get current(): FaultConfig {
    return { ...this.config };
  }

  private applies(service: string, operation: string): boolean {
    const ops = this.config.operations;
    return !ops || ops.length === 0 || ops.includes(operation) || ops.includes(`${service}:${operation}`);
  }

  plan(service: string, operation: string, region: string): FaultPlan {
    const c = this.config;
    const accessDenied =
      c.accessDenied?.some((rule) => rule.service === service && (!rule.operation || rule.operation === operation) && (!rule.region || rule.region === region)) ?? false;
    const plan: FaultPlan = { accessDenied, delayMs: this.applies(service, operation) ? (c.slowMs ?? 0) : 0 };
    if (accessDenied) return plan;
    const index = (c.rules ?? []).findIndex(
      (rule, i) =>
        (rule.operation === operation || rule.operation === `${service}:${operation}`) &&
        (!rule.region || rule.region === region) &&
        (rule.times === undefined || (this.ruleUses[i] ?? 0) < rule.times),
    );
    if (index !== -1) {
      this.ruleUses[index] = (this.ruleUses[index] ?? 0) + 1;
      plan.answer = c.rules![index]!.answer;
    }
    return plan;
  }

  /** Draws the outcome of one call; only calls that reach this point use up a draw. */
  draw(service: string, operation: string): FaultOutcome {
    const c = this.config;
    const error5xxRate = c.error5xxRate ?? 0;
    const timeoutRate = c.timeoutRate ?? 0;
    if ((error5xxRate <= 0 && timeoutRate <= 0) || !this.applies(service, operation)) return NO_FAULT;
    const key = `${service}:${operation}`;
    const n = this.counters.get(key) ?? 0;
    this.counters.set(key, n + 1);
    const value = hashUnit(c.seed ?? 1, key, n);
    if (value < timeoutRate) return { kind: "timeout", holdMs: c.timeoutMs ?? DEFAULT_FAULT_TIMEOUT_MS };
    if (value < timeoutRate + error5xxRate) return { kind: "error5xx" };
    return NO_FAULT;
  }
}

function rate(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) throw new Error(`${name} must be a number between 0 and 1`);
}

function nonNegative(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !(value >= 0) || !Number.isFinite(value)) throw new Error(`${name} must be a non-negative number`);
}

/** Throws on anything that is not a FaultConfig (the run-time endpoint takes JSON from anyone). */
export function validateFaultConfig(config: unknown): asserts config is FaultConfig {
  if (typeof config !== "object" || config === null || Array.isArray(config)) throw new Error("fault config must be an object");
  const c = config as Record<string, unknown>;
  const known = new Set(["error5xxRate", "timeoutRate", "timeoutMs", "slowMs", "operations", "seed", "accessDenied", "rules"]);
  for (const key of Object.keys(c)) if (!known.has(key)) throw new Error(`unknown fault setting: ${key}`);
  rate("error5xxRate", c.error5xxRate);
  rate("timeoutRate", c.timeoutRate);
  nonNegative("timeoutMs", c.timeoutMs);
  nonNegative("slowMs", c.slowMs);
  if (c.seed !== undefined && (typeof c.seed !== "number" || !Number.isFinite(c.seed))) throw new Error("seed must be a number");
  if ((Number(c.error5xxRate ?? 0) + Number(c.timeoutRate ?? 0)) > 1) throw new Error("error5xxRate + timeoutRate must not exceed 1");
  if (c.operations !== undefined && (!Array.isArray(c.operations) || c.operations.some((o) => typeof o !== "string"))) {
    throw new Error("operations must be a list of operation names");
  }
  if (c.accessDenied !== undefined) {
    if (!Array.isArray(c.accessDenied)) throw new Error("accessDenied must be a list");
    for (const rule of c.accessDenied as unknown[]) {
      const r = rule as Record<string, unknown>;
      if (typeof r !== "object" || r === null || typeof r.service !== "string") throw new Error("each accessDenied rule needs a service");
      if (r.operation !== undefined && typeof r.operation !== "string") throw new Error("accessDenied operation must be a string");
      if (r.region !== undefined && typeof r.region !== "string") throw new Error("accessDenied region must be a string");
    }
  }
  if (c.rules !== undefined) {
    if (!Array.isArray(c.rules)) throw new Error("rules must be a list");
    for (const rule of c.rules as unknown[]) {
      const r = rule as Record<string, unknown>;
      if (typeof r !== "object" || r === null || typeof r.operation !== "string" || r.operation === "") throw new Error("each rule needs an operation");
      for (const key of Object.keys(r)) if (!["operation", "region", "answer", "times"].includes(key)) throw new Error(`unknown rule setting: ${key}`);
      if (!FAULT_ANSWERS.includes(r.answer as FaultAnswer)) throw new Error(`a rule's answer must be one of ${FAULT_ANSWERS.join(", ")}`);
      if (r.region !== undefined && typeof r.region !== "string") throw new Error("a rule's region must be a string");
      if (r.times !== undefined && !(typeof r.times === "number" && r.times >= 1 && (Number.isInteger(r.times) || r.times === Infinity))) {
        throw new Error("a rule's times must be a whole number of at least 1");
      }
    }
  }
}

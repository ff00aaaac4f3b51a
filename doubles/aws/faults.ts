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
}

/** How long a timed-out call is held when timeoutMs is not given. */
export const DEFAULT_FAULT_TIMEOUT_MS = 5000;

/** What applies to a call before it reaches the quota: access denied, and the added delay. */
export interface FaultPlan {
  accessDenied: boolean;
  delayMs: number;
}

/** What happens to a call that got past the quota. */
export type FaultOutcome = { kind: "none" } | { kind: "error5xx" } | { kind: "timeout"; holdMs: number };

const NO_FAULT: FaultOutcome = { kind: "none" };

export class FaultInjector {
  private config: FaultConfig = {};
  private readonly counters = new Map<string, number>();

  constructor(config?: FaultConfig) {
    if (config) this.set(config);
  }

  set(config: FaultConfig): void {
    validateFaultConfig(config);
    this.config = { ...config };
    this.counters.clear();
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
    return { accessDenied, delayMs: this.applies(service, operation) ? (c.slowMs ?? 0) : 0 };
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
  const known = new Set(["error5xxRate", "timeoutRate", "timeoutMs", "slowMs", "operations", "seed", "accessDenied"]);
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
}

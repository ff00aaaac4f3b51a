import "server-only";
import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Every setting is validated at start; a wrong value stops
 * start-up with a message that names the variable. The settings are listed in the README.
 *
 * The AWS SDK reads its own standard settings (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL...)
 * directly; Silkroute does not duplicate them here.
 */

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SILKROUTE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection string")
    .optional(),
  SILKROUTE_DATA_DIR: z.string().min(1).default(".data"),
  SILKROUTE_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 48`)").optional(),
  SILKROUTE_ADMIN_EMAIL: z.email().optional(),
  SILKROUTE_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").max(256).optional(),
  SILKROUTE_SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  SILKROUTE_SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  SILKROUTE_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  SILKROUTE_TRUST_PROXY: booleanString.default(false),
  SILKROUTE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  SILKROUTE_SCAN_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema> & {
  /** Absolute path of the data folder (embedded database, generated secret). */
  dataDir: string;
  /** True when no DATABASE_URL is set and the embedded database is used. */
  embedded: boolean;
  /** The address users reach the app at. */
  baseUrl: string;
};

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Silkroute cannot start: invalid configuration\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates a set of variables; exported for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "not set", as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  const data = result.data;
  if (data.DATABASE_URL && !data.SILKROUTE_SECRET && data.NODE_ENV === "production") {
    throw new ConfigError([
      "SILKROUTE_SECRET: must be set when DATABASE_URL is set in production, so that every web and worker process shares it",
    ]);
  }
  return {
    ...data,
    dataDir: path.resolve(data.SILKROUTE_DATA_DIR),
    embedded: !data.DATABASE_URL,
    baseUrl: (data.SILKROUTE_URL ?? `http://localhost:${data.PORT}`).replace(/\/$/, ""),
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change variables between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}

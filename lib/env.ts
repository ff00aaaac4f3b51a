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
  SILKROUTE_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 48`)")
    // A long run of a few characters is a placeholder, not a key: anyone could guess it.
    .refine((s) => new Set(s).size >= 8, "is not random enough (it repeats a few characters): use `openssl rand -base64 48`")
    .optional(),
  SILKROUTE_ADMIN_EMAIL: z.email().optional(),
  SILKROUTE_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").max(256).optional(),
  SILKROUTE_SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  SILKROUTE_SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  SILKROUTE_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Proxies in front of the web server that append to X-Forwarded-For (0: the socket's address is the client's). */
  SILKROUTE_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).optional(),
  /** Deprecated: true means SILKROUTE_TRUSTED_PROXIES=1. */
  SILKROUTE_TRUST_PROXY: booleanString.optional(),
  SILKROUTE_SIGNIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  SILKROUTE_SIGNIN_ACCOUNT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  SILKROUTE_SIGNIN_ACCOUNT_LOCK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  SILKROUTE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Lets a connection's custom endpoint be a loopback or private address (emulators, the demo's stand-in). */
  SILKROUTE_ALLOW_PRIVATE_ENDPOINTS: booleanString.default(false),
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
  /** Proxy hops trusted from the right of X-Forwarded-For. */
  trustedProxies: number;
  /**
   * The origins a browser may sign in from: SILKROUTE_URL's, or without it the loopback
   * addresses on PORT (localhost, 127.0.0.1, [::1]).
   */
  trustedOrigins: string[];
  /** Session cookies carry Secure (an https address). */
  secureCookies: boolean;
  /** Things to say on the console at start (deprecated settings, plain http on a network). */
  warnings: string[];
  /** True when LOG_LEVEL was set (the command line then logs to stderr instead of a file). */
  logLevelSet: boolean;
};

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** True for localhost, *.localhost, 127.0.0.0/8 and ::1: names that never leave the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, "");
  return LOOPBACK_HOSTS.has(h) || h.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(h) || h === "[0:0:0:0:0:0:0:1]";
}

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
  const warnings: string[] = [];
  const legacyTrust = data.SILKROUTE_TRUST_PROXY;
  if (legacyTrust !== undefined && data.SILKROUTE_TRUSTED_PROXIES !== undefined && (legacyTrust ? 1 : 0) !== data.SILKROUTE_TRUSTED_PROXIES) {
    throw new ConfigError([
      `SILKROUTE_TRUST_PROXY: is replaced by SILKROUTE_TRUSTED_PROXIES, and the two disagree (${String(legacyTrust)} vs ${data.SILKROUTE_TRUSTED_PROXIES}): remove SILKROUTE_TRUST_PROXY`,
    ]);
  }
  if (legacyTrust !== undefined && data.SILKROUTE_TRUSTED_PROXIES === undefined) {
    warnings.push(
      `SILKROUTE_TRUST_PROXY is deprecated: it is read as SILKROUTE_TRUSTED_PROXIES=${legacyTrust ? 1 : 0}. Set SILKROUTE_TRUSTED_PROXIES to the number of proxies in front of Silkroute that append to X-Forwarded-For, and remove SILKROUTE_TRUST_PROXY.`,
    );
  }
  const trustedProxies = data.SILKROUTE_TRUSTED_PROXIES ?? (legacyTrust ? 1 : 0);
  const baseUrl = (data.SILKROUTE_URL ?? `http://localhost:${data.PORT}`).replace(/\/$/, "");
  const base = new URL(baseUrl);
  const trustedOrigins = data.SILKROUTE_URL ? [base.origin] : [...LOOPBACK_HOSTS].map((host) => new URL(`http://${host}:${data.PORT}`).origin);
  if (data.SILKROUTE_URL && base.protocol === "http:" && !isLoopbackHost(base.hostname)) {
    warnings.push(
      `SILKROUTE_URL is ${base.origin}: plain http on a network address. Passwords and session cookies cross the network unencrypted, and anyone on the path can take over a session. Put Silkroute behind https (a proxy that terminates TLS) and set SILKROUTE_URL to the https address.`,
    );
  }
  return {
    ...data,
    dataDir: path.resolve(data.SILKROUTE_DATA_DIR),
    embedded: !data.DATABASE_URL,
    baseUrl,
    trustedProxies,
    trustedOrigins,
    secureCookies: base.protocol === "https:",
    warnings,
    logLevelSet: cleaned.LOG_LEVEL !== undefined,
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

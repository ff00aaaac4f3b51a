import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("uses the embedded database and sensible defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.embedded).toBe(true);
    expect(env.PORT).toBe(3000);
    expect(env.baseUrl).toBe("http://localhost:3000");
    expect(env.dataDir.endsWith(".data")).toBe(true);
  });

  it("uses DATABASE_URL when set", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/silkroute", PORT: "8080" });
    expect(env.embedded).toBe(false);
    expect(env.baseUrl).toBe("http://localhost:8080");
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://x"],
    ["SILKROUTE_URL", "ftp://example.com"],
    ["SILKROUTE_SECRET", "short"],
    ["SILKROUTE_ADMIN_EMAIL", "not-an-email"],
    ["SILKROUTE_ADMIN_PASSWORD", "short"],
    ["SILKROUTE_TRUST_PROXY", "maybe"],
    ["SILKROUTE_TRUSTED_PROXIES", "-1"],
    ["SILKROUTE_TRUSTED_PROXIES", "two"],
    ["SILKROUTE_SIGNIN_ACCOUNT_MAX_FAILURES", "0"],
    ["SILKROUTE_SIGNIN_ACCOUNT_LOCK_SECONDS", "forever"],
    ["SILKROUTE_SECRET", "a".repeat(48)],
    ["LOG_LEVEL", "loud"],
  ])("stops with a message naming %s when it is %s", (name, value) => {
    let error: unknown;
    try {
      parseEnv({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(name);
  });

  it("requires a shared secret for a team deployment in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x" })).toThrow(/SILKROUTE_SECRET/);
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x", SILKROUTE_SECRET: "k3Y-for-a-team-deployment-0123456789abcdef" })).not.toThrow();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).embedded).toBe(true);
  });

  it("without SILKROUTE_URL accepts sign-in from the loopback addresses on PORT, over http, with cookies that plain http keeps", () => {
    const env = parseEnv({ PORT: "3100" });
    expect(env.trustedOrigins).toEqual(["http://localhost:3100", "http://127.0.0.1:3100", "http://[::1]:3100"]);
    expect(env.secureCookies).toBe(false);
    expect(env.warnings).toEqual([]);
    expect(parseEnv({ PORT: "80" }).trustedOrigins).toContain("http://127.0.0.1");
  });

  it("with SILKROUTE_URL accepts exactly its origin; https makes the cookies Secure", () => {
    const env = parseEnv({ SILKROUTE_URL: "https://silkroute.example.com/" });
    expect(env.trustedOrigins).toEqual(["https://silkroute.example.com"]);
    expect(env.baseUrl).toBe("https://silkroute.example.com");
    expect(env.secureCookies).toBe(true);
    expect(env.warnings).toEqual([]);
  });

  it("warns at start about a plain-http network address, not about plain-http loopback", () => {
    const env = parseEnv({ SILKROUTE_URL: "http://10.0.0.5:3000" });
    expect(env.secureCookies).toBe(false);
    expect(env.warnings).toHaveLength(1);
    expect(env.warnings[0]).toMatch(/http:\/\/10\.0\.0\.5:3000: plain http on a network address.*unencrypted.*https/);
    expect(parseEnv({ SILKROUTE_URL: "http://127.0.0.1:3000" }).warnings).toEqual([]);
    expect(parseEnv({ SILKROUTE_URL: "http://localhost:3000" }).warnings).toEqual([]);
  });

  it("counts trusted proxy hops; the old boolean still works as one hop, with a deprecation warning", () => {
    expect(parseEnv({}).trustedProxies).toBe(0);
    expect(parseEnv({ SILKROUTE_TRUSTED_PROXIES: "2" }).trustedProxies).toBe(2);
    const legacy = parseEnv({ SILKROUTE_TRUST_PROXY: "true" });
    expect(legacy.trustedProxies).toBe(1);
    expect(legacy.warnings.join("\n")).toMatch(/SILKROUTE_TRUST_PROXY is deprecated: it is read as SILKROUTE_TRUSTED_PROXIES=1/);
    expect(parseEnv({ SILKROUTE_TRUST_PROXY: "false" }).trustedProxies).toBe(0);
    expect(parseEnv({ SILKROUTE_TRUST_PROXY: "true", SILKROUTE_TRUSTED_PROXIES: "1" }).trustedProxies).toBe(1);
    expect(() => parseEnv({ SILKROUTE_TRUST_PROXY: "true", SILKROUTE_TRUSTED_PROXIES: "2" })).toThrow(/disagree/);
  });

  it("has per-account sign-in limits by default", () => {
    const env = parseEnv({});
    expect([env.SILKROUTE_SIGNIN_ACCOUNT_MAX_FAILURES, env.SILKROUTE_SIGNIN_ACCOUNT_WINDOW_SECONDS, env.SILKROUTE_SIGNIN_ACCOUNT_LOCK_SECONDS]).toEqual([10, 900, 900]);
  });
});

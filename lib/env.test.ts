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
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x", SILKROUTE_SECRET: "x".repeat(40) })).not.toThrow();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).embedded).toBe(true);
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";

const providers = vi.hoisted(() => ({
  fromNodeProviderChain: vi.fn(() => async () => ({ accessKeyId: "CHAIN", secretAccessKey: "chain-secret" })),
  fromIni: vi.fn((init: { profile: string }) => async () => ({ accessKeyId: `INI-${init.profile}`, secretAccessKey: "ini-secret" })),
  fromTemporaryCredentials: vi.fn(() => async () => ({
    accessKeyId: "ASIATEMP",
    secretAccessKey: "temp-secret",
    sessionToken: "temp-token",
    expiration: new Date(Date.now() + 3600_000),
  })),
}));
vi.mock("@aws-sdk/credential-providers", () => providers);

import { DEFAULT_SESSION_NAME, memoizeCredentials, resolveCredentials } from "@/lib/aws/resolve-credentials";

beforeEach(() => vi.clearAllMocks());

describe("resolveCredentials", () => {
  it("uses the SDK's default chain", async () => {
    await expect(resolveCredentials({ mode: "default-chain" })()).resolves.toMatchObject({ accessKeyId: "CHAIN" });
  });

  it("reads a named profile", async () => {
    await expect(resolveCredentials({ mode: "profile", profile: "iot-prod" })()).resolves.toMatchObject({ accessKeyId: "INI-iot-prod" });
    expect(providers.fromIni).toHaveBeenCalledWith({ profile: "iot-prod" });
  });

  it("assumes a role with the external id, from the default chain or a source profile", async () => {
    const provider = resolveCredentials(
      { mode: "assume-role", roleArn: "arn:aws:iam::123456789012:role/SilkrouteReader", externalId: "silk-7f3a" },
      { region: "eu-central-1" },
    );
    await expect(provider()).resolves.toMatchObject({ accessKeyId: "ASIATEMP", sessionToken: "temp-token" });
    expect(providers.fromTemporaryCredentials).toHaveBeenCalledWith(
      expect.objectContaining({
        params: { RoleArn: "arn:aws:iam::123456789012:role/SilkrouteReader", RoleSessionName: DEFAULT_SESSION_NAME, ExternalId: "silk-7f3a" },
        clientConfig: { region: "eu-central-1" },
      }),
    );
    expect(providers.fromNodeProviderChain).toHaveBeenCalled();

    resolveCredentials({ mode: "assume-role", roleArn: "arn:aws:iam::123456789012:role/R", sourceProfile: "hub", sessionName: "scan-42" });
    expect(providers.fromIni).toHaveBeenCalledWith({ profile: "hub" });
    expect(providers.fromTemporaryCredentials).toHaveBeenLastCalledWith(
      expect.objectContaining({ params: { RoleArn: "arn:aws:iam::123456789012:role/R", RoleSessionName: "scan-42" } }),
    );
  });

  it("serves fixed access keys", async () => {
    const provider = resolveCredentials({ mode: "access-keys", accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalr/K7MDENG" });
    await expect(provider()).resolves.toEqual({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalr/K7MDENG" });
  });

  it("rejects settings that cannot work, with a readable reason", () => {
    expect(() => resolveCredentials({ mode: "assume-role", roleArn: "SilkrouteReader" })).toThrow(/role ARN like/);
    expect(() => resolveCredentials({ mode: "access-keys", accessKeyId: "short", secretAccessKey: "x" })).toThrow(/access key id/);
    expect(() => resolveCredentials({ mode: "profile", profile: "  " })).toThrow();
    expect(() => resolveCredentials({ mode: "nonsense" } as never)).toThrow();
  });
});

describe("memoizeCredentials", () => {
  it("fetches once, again shortly before expiry, and never caches a failure", async () => {
    let now = 0;
    let calls = 0;
    let fail = false;
    const provider = memoizeCredentials(async () => {
      calls++;
      if (fail) throw new Error("sts down");
      return { accessKeyId: `K${calls}`, secretAccessKey: "s", expiration: new Date(now + 3600_000) };
    }, () => now);
    await Promise.all([provider(), provider(), provider()]);
    expect(calls).toBe(1);
    now = 3600_000 - 6 * 60_000;
    await provider();
    expect(calls).toBe(1);
    now = 3600_000 - 4 * 60_000;
    fail = true;
    await expect(provider()).rejects.toThrow("sts down");
    fail = false;
    await expect(provider()).resolves.toMatchObject({ accessKeyId: "K3" });
  });
});

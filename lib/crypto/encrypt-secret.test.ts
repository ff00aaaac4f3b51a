import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encrypt-secret";

describe("encryptSecret", () => {
  beforeAll(() => {
    process.env.SILKROUTE_SECRET = "unit-test-secret-that-is-long-enough-000";
    resetEnvForTests();
  });

  it("round-trips and never stores the plaintext", () => {
    const stored = encryptSecret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "conn-1");
    expect(stored).not.toContain("wJalrXUtnFEMI");
    expect(stored.startsWith("v1:")).toBe(true);
    expect(decryptSecret(stored, "conn-1")).toBe("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  });

  it("uses a fresh nonce each time", () => {
    expect(encryptSecret("same", "c")).not.toBe(encryptSecret("same", "c"));
  });

  it("refuses a ciphertext moved to another record or tampered with", () => {
    const stored = encryptSecret("secret", "conn-1");
    expect(() => decryptSecret(stored, "conn-2")).toThrow();
    const parts = stored.split(":");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join(":"), "conn-1")).toThrow();
  });
});

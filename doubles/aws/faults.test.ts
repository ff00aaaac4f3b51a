import { describe, expect, it } from "vitest";
import { FaultInjector, validateFaultConfig } from "./faults";

describe("FaultInjector", () => {
  it("draws the same outcomes for an operation however calls to other operations interleave", () => {
    const alone = new FaultInjector({ error5xxRate: 0.3, timeoutRate: 0.2, seed: 5 });
    const mixed = new FaultInjector({ error5xxRate: 0.3, timeoutRate: 0.2, seed: 5 });
    const a: string[] = [];
    const b: string[] = [];
    for (let i = 0; i < 50; i++) a.push(alone.draw("iot", "ListThings").kind);
    for (let i = 0; i < 50; i++) {
      mixed.draw("iot", "DescribeThing");
      b.push(mixed.draw("iot", "ListThings").kind);
    }
    expect(b).toEqual(a);
    expect(new Set(a)).toEqual(new Set(["none", "error5xx", "timeout"]));
  });

  it("limits faults to the listed operations, by bare or qualified name", () => {
    const f = new FaultInjector({ error5xxRate: 1, slowMs: 50, operations: ["ListThings", "s3:ListBuckets"] });
    expect(f.draw("iot", "ListThings").kind).toBe("error5xx");
    expect(f.draw("s3", "ListBuckets").kind).toBe("error5xx");
    expect(f.draw("iot", "DescribeThing").kind).toBe("none");
    expect(f.plan("iot", "ListThings", "eu-central-1").delayMs).toBe(50);
    expect(f.plan("iot", "DescribeThing", "eu-central-1").delayMs).toBe(0);
  });

  it("scopes access denial to service, operation and region", () => {
    const f = new FaultInjector({ accessDenied: [{ service: "iot", operation: "ListThingPrincipals", region: "us-east-1" }, { service: "kms" }] });
    expect(f.plan("iot", "ListThingPrincipals", "us-east-1").accessDenied).toBe(true);
    expect(f.plan("iot", "ListThingPrincipals", "eu-central-1").accessDenied).toBe(false);
    expect(f.plan("iot", "ListThings", "us-east-1").accessDenied).toBe(false);
    expect(f.plan("kms", "DescribeKey", "eu-central-1").accessDenied).toBe(true);
  });

  it("restarts the pattern when the faults are set again", () => {
    const f = new FaultInjector({ error5xxRate: 0.5, seed: 9 });
    const first = Array.from({ length: 20 }, () => f.draw("sqs", "ListQueues").kind);
    f.set({ error5xxRate: 0.5, seed: 9 });
    expect(Array.from({ length: 20 }, () => f.draw("sqs", "ListQueues").kind)).toEqual(first);
  });
});

describe("validateFaultConfig", () => {
  it("accepts a full configuration", () => {
    expect(() =>
      validateFaultConfig({ error5xxRate: 0.1, timeoutRate: 0.1, timeoutMs: 100, slowMs: 5, operations: ["ListThings"], seed: 3, accessDenied: [{ service: "iot" }] }),
    ).not.toThrow();
  });

  it.each([
    [[], /object/],
    [{ error5xxRate: 2 }, /between 0 and 1/],
    [{ error5xxRate: 0.6, timeoutRate: 0.6 }, /exceed 1/],
    [{ slowMs: -1 }, /non-negative/],
    [{ operations: "ListThings" }, /list/],
    [{ accessDenied: [{ operation: "ListThings" }] }, /service/],
    [{ errorRate: 0.1 }, /unknown fault setting/],
  ])("rejects %j", (config, message) => {
    expect(() => validateFaultConfig(config)).toThrow(message);
  });
});

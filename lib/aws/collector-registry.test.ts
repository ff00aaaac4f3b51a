import { describe, expect, it } from "vitest";
import { collectorRegistry, getCollector } from "@/lib/aws/collector-registry";
import { collectorPlans, getCollectorPlan, type CollectorId } from "@/lib/aws/collector-plans";
import { isReadOnlyOperation } from "@/lib/aws/is-read-only-operation";
import { KIND } from "@/lib/aws/resource-kinds";

const collectors = Object.entries(collectorRegistry);
const knownKinds = new Set<string>(Object.values(KIND));

describe("collector registry", () => {
  it("keys every collector by its own id", () => {
    for (const [key, collector] of collectors) expect(collector.id).toBe(key);
    expect(getCollector("iot.things")).toBe(collectorRegistry["iot.things"]);
    expect(getCollector("toString")).toBeUndefined();
  });

  it("runs exactly the collectors the plans name, each with its own plan (what a scan's estimate and checkpoints are made from)", () => {
    expect(Object.keys(collectorRegistry).sort()).toEqual(Object.keys(collectorPlans).sort());
    for (const [id, collector] of collectors) {
      const { run: _run, ...plan } = collector;
      expect(plan, id).toEqual(collectorPlans[id as CollectorId]);
    }
    expect(getCollectorPlan("iot.things")).toBe(collectorPlans["iot.things"]);
    expect(getCollectorPlan("constructor")).toBeUndefined();
  });

  it.each(collectors)("%s declares only read-only APIs, known kinds and a sensible plan", (_id, collector) => {
    expect(collector.apis.length).toBeGreaterThan(0);
    for (const kind of collector.kinds) expect(knownKinds).toContain(kind);
    for (const api of collector.apis) {
      expect(isReadOnlyOperation(api.operation), api.operation).toBe(true);
      if (api.calls.type !== "fixed") expect(knownKinds).toContain(api.calls.of);
      // Shadows are only read in deep scans.
      if (api.shadowsOnly) expect(api.deepOnly).toBe(true);
    }
    // Phase 1 collectors list something page by page or make a fixed number of calls.
    if (collector.phase === 1) expect(collector.apis.some((a) => a.calls.type !== "per-item")).toBe(true);
  });

  it("reads IAM roles once per scan and KMS keys in each key's own region, after phase 1", () => {
    expect(collectorRegistry["iam.roles"]).toMatchObject({ phase: 2, scope: "global" });
    expect(collectorRegistry["kms.keys"]).toMatchObject({ phase: 2, scope: "regional" });
    expect(collectorRegistry["s3.buckets"]).toMatchObject({ phase: 1, scope: "global" });
  });

  it("makes no per-device call outside deep mode", () => {
    const perDevice = collectors.flatMap(([, c]) =>
      c.apis.filter((a) => a.calls.type === "per-item" && [KIND.iotThing, KIND.iotCertificate].includes(a.calls.of as never)),
    );
    expect(perDevice.length).toBeGreaterThan(0);
    for (const api of perDevice) expect(api.deepOnly, api.operation).toBe(true);
  });
});

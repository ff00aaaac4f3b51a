import { describe, expect, it } from "vitest";
import { collectorPlans } from "@/lib/aws/collector-plans";
import type { CollectorPlan } from "@/lib/aws/collector-types";
import { IAM_ACTION_OF, READ_ONLY_ACTIONS, readOnlyPolicyDocument } from "@/lib/aws/read-only-policy";

function allowed(action: string): boolean {
  return READ_ONLY_ACTIONS.some((pattern) => (pattern.endsWith("*") ? action.startsWith(pattern.slice(0, -1)) : action === pattern));
}

describe("the read-only IAM policy", () => {
  it("allows every API the collectors declare", () => {
    const missing: string[] = [];
    for (const collector of Object.values(collectorPlans) as CollectorPlan[]) {
      for (const api of collector.apis) {
        const key = `${api.service ?? collector.service}:${api.operation}`;
        const action = IAM_ACTION_OF[key] ?? key;
        if (!allowed(action)) missing.push(`${collector.id}: ${action}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("allows nothing that writes", () => {
    for (const action of READ_ONLY_ACTIONS) {
      const verb = action.split(":")[1]!;
      expect(/^(List|Describe|Get)/.test(verb), action).toBe(true);
    }
  });

  it("is a valid policy document", () => {
    const doc = JSON.parse(readOnlyPolicyDocument());
    expect(doc.Version).toBe("2012-10-17");
    expect(doc.Statement[0].Effect).toBe("Allow");
  });
});

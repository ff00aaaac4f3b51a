import { describe, expect, it } from "vitest";
import { generateEstate } from "@/doubles/aws/estate";
import { collectThingPolicies, type PolicyRelation } from "@/lib/mapping/policies/collect-thing-policies";

const P = (n: string) => `arn:aws:iot:r:1:policy/${n}`;
const C = (n: string) => `arn:aws:iot:r:1:cert/${n}`;
const G = (n: string) => `arn:aws:iot:r:1:thinggroup/${n}`;
const T = (n: string) => `arn:aws:iot:r:1:thing/${n}`;
const rel = (from: string, to: string, type: string): PolicyRelation => ({ fromArn: from, toArn: to, type });
const names = new Map(["Device", "Gateway", "Root", "Other"].map((n) => [P(n), n]));

describe("collectThingPolicies", () => {
  it("gathers policies from certificates, groups and ancestor groups", () => {
    const relations = [
      rel(P("Device"), C("c1"), "attached-to"),
      rel(C("c1"), T("t1"), "attached-to"),
      rel(P("Gateway"), G("site"), "attached-to"),
      rel(P("Root"), G("all"), "attached-to"),
      rel(G("site"), G("all"), "child-of"),
      rel(T("t1"), G("site"), "member-of"),
      rel(T("t2"), G("all"), "member-of"),
      rel(P("Other"), C("unused"), "attached-to"),
    ];
    const result = collectThingPolicies(relations, names, [T("t1"), T("t2"), T("t3")]);
    expect(Object.fromEntries(result)).toEqual({ [T("t1")]: ["Device", "Gateway", "Root"], [T("t2")]: ["Root"], [T("t3")]: [] });
  });

  it("walks a cycle among groups once", () => {
    const relations = [rel(P("Root"), G("a"), "attached-to"), rel(P("Other"), G("b"), "attached-to"), rel(G("a"), G("b"), "child-of"), rel(G("b"), G("a"), "child-of"), rel(T("t"), G("a"), "member-of")];
    expect(collectThingPolicies(relations, names, [T("t")]).get(T("t"))).toEqual(["Other", "Root"]);
  });

  it("agrees with the stand-in estate's own attachments", () => {
    const iot = generateEstate({ seed: 5, regions: ["eu-west-1"], thingsPerRegion: 200, hostile: false }).byRegion["eu-west-1"]!.iot;
    const relations: PolicyRelation[] = [];
    for (const c of iot.certificates) for (const p of c.policyNames) relations.push(rel(P(p), C(c.id), "attached-to"));
    for (const g of iot.thingGroups) {
      for (const p of g.policyNames) relations.push(rel(P(p), G(g.name), "attached-to"));
      if (g.parentName) relations.push(rel(G(g.name), G(g.parentName), "child-of"));
    }
    for (const t of iot.things) {
      for (const c of t.principals) relations.push(rel(C(c), T(t.name), "attached-to"));
      for (const g of t.groupNames) relations.push(rel(T(t.name), G(g), "member-of"));
    }
    const policyNames = new Map(iot.policies.map((p) => [P(p.name), p.name]));
    const result = collectThingPolicies(relations, policyNames, iot.things.map((t) => T(t.name)));
    const groups = new Map(iot.thingGroups.map((g) => [g.name, g]));
    const up = (name: string): string[] => {
      const g = groups.get(name);
      return g ? [...g.policyNames, ...(g.parentName ? up(g.parentName) : [])] : [];
    };
    const certificates = new Map(iot.certificates.map((c) => [c.id, c]));
    let withPolicies = 0;
    for (const t of iot.things) {
      const expected = [...new Set([...t.principals.flatMap((c) => certificates.get(c)?.policyNames ?? []), ...t.groupNames.flatMap(up)])].sort();
      expect(result.get(T(t.name))).toEqual(expected);
      if (expected.length > 0) withPolicies += 1;
    }
    expect(withPolicies).toBeGreaterThan(100);
  });
});

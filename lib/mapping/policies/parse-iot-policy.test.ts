import { describe, expect, it } from "vitest";
import { MAX_POLICY_DOCUMENT_CHARS, parseIotPolicy } from "@/lib/mapping/policies/parse-iot-policy";

const doc = (statements: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const topic = (t: string) => `arn:aws:iot:eu-west-1:123456789012:topic/${t}`;

describe("parseIotPolicy", () => {
  it("reads statements, keeping Sid, effect, resources and conditions", () => {
    const parsed = parseIotPolicy({
      name: "P",
      document: doc([
        { Sid: "pub", Effect: "Allow", Action: "iot:Publish", Resource: topic("dt/${iot:Connection.Thing.ThingName}") },
        { Effect: "Deny", Action: ["iot:Subscribe"], Resource: ["*"], Condition: { Bool: { "iot:Connection.Thing.IsAttached": "false" } } },
      ]),
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.statements).toHaveLength(2);
    expect(parsed.statements[0]).toMatchObject({ index: 0, sid: "pub", effect: "Allow", actions: ["iot:Publish"], resources: [topic("dt/${iot:Connection.Thing.ThingName}")], hasCondition: false });
    expect(parsed.statements[1]).toMatchObject({ index: 1, sid: null, effect: "Deny", actions: ["iot:Subscribe"], resources: ["*"], hasCondition: true });
  });

  it("accepts a single statement object", () => {
    const parsed = parseIotPolicy({ name: "One", document: JSON.stringify({ Statement: { Effect: "Allow", Action: "iot:Connect", Resource: "*" } }) });
    expect(parsed.ok && parsed.statements[0]?.actions).toEqual(["iot:Connect"]);
  });

  it("expands iot:*, * and partial wildcards, without regard to case", () => {
    const all = parseIotPolicy({ name: "A", document: doc([{ Effect: "Allow", Action: "iot:*", Resource: "*" }]) });
    expect(all.ok && all.statements[0]?.actions).toContain("iot:Subscribe");
    expect(all.ok && all.statements[0]?.actions.length).toBe(16);
    const star = parseIotPolicy({ name: "S", document: doc([{ Effect: "Allow", Action: "*", Resource: "*" }]) });
    expect(star.ok && star.statements[0]?.actions.length).toBe(16);
    const get = parseIotPolicy({ name: "G", document: doc([{ Effect: "Allow", Action: ["IOT:get*", "iot:PUBLISH"], Resource: "*" }]) });
    expect(get.ok && get.statements[0]?.actions).toEqual(["iot:Publish", "iot:GetThingShadow", "iot:GetPendingJobExecutions", "iot:GetRetainedMessage"]);
  });

  it("sets aside actions of other services", () => {
    const parsed = parseIotPolicy({ name: "GG", document: doc([{ Effect: "Allow", Action: ["iot:Publish", "greengrass:*"], Resource: "*" }]) });
    expect(parsed.ok && parsed.statements[0]).toMatchObject({ actions: ["iot:Publish"], foreignActions: ["greengrass:*"] });
  });

  it("marks NotAction and NotResource", () => {
    const parsed = parseIotPolicy({ name: "N", document: doc([{ Effect: "Allow", NotAction: "iot:Connect", NotResource: topic("x") }]) });
    expect(parsed.ok && parsed.statements[0]).toMatchObject({ usesNotAction: true, usesNotResource: true, resources: null, actions: [] });
  });

  it.each([
    ["invalid JSON", `{"Statement": [{"Effect": "Allow", "Action": ["iot:Publish", "Resource": "x"}`, "MalformedPolicy", "not valid JSON"],
    ["an empty document", "", "MalformedPolicy", "empty"],
    ["a null document", null, "MalformedPolicy", "empty"],
    ["an array", "[1]", "MalformedPolicy", "policy grammar"],
    ["a bad effect", doc([{ Effect: "Perhaps", Action: "iot:Publish", Resource: "*" }]), "MalformedPolicy", "policy grammar"],
    ["a numeric action", doc([{ Effect: "Allow", Action: 7, Resource: "*" }]), "MalformedPolicy", "policy grammar"],
    ["an unknown IoT action", doc([{ Effect: "Allow", Action: "iot:PublishEverything", Resource: "*" }]), "UnknownAction", "iot:PublishEverything"],
    ["a wildcard naming no IoT action", doc([{ Effect: "Allow", Action: "iot:Zap*", Resource: "*" }]), "UnknownAction", "iot:Zap*"],
    ["a resource that is no ARN", doc([{ Effect: "Allow", Action: "iot:Publish", Resource: "topic/x" }]), "MalformedResource", "neither"],
    ["a cut ARN", doc([{ Effect: "Allow", Action: "iot:Publish", Resource: "arn:aws:iot" }]), "MalformedResource", "not a complete ARN"],
    ["a huge resource", doc([{ Effect: "Allow", Action: "iot:Publish", Resource: topic("x".repeat(1100)) }]), "MalformedResource", "characters"],
  ])("refuses %s with a clear error", (_label, document, code, fragment) => {
    const parsed = parseIotPolicy({ name: "Bad", document });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.code).toBe(code);
    expect(parsed.message).toContain(fragment);
    expect(parsed.message).toContain('"Bad"');
  });

  it("refuses a document that is not text", () => {
    for (const document of [42, { Statement: [] }, ["x"]]) {
      const parsed = parseIotPolicy({ name: "Odd", document: document as unknown as string });
      expect(parsed.ok === false && parsed.code).toBe("MalformedPolicy");
    }
  });

  it("refuses a huge document without parsing it", () => {
    const statements = Array.from({ length: 2000 }, (_, i) => ({ Effect: "Allow", Action: "iot:Publish", Resource: topic(`t/${i}`) }));
    const text = doc(statements);
    expect(text.length).toBeGreaterThan(MAX_POLICY_DOCUMENT_CHARS);
    const parsed = parseIotPolicy({ name: "Huge", document: text });
    expect(parsed.ok === false && parsed.code).toBe("PolicyTooLarge");
  });

  it("holds to AWS's 2,048 characters besides whitespace", () => {
    const statement = (sid: string) => doc([{ Sid: sid, Effect: "Allow", Action: "iot:Publish", Resource: topic("dt/x") }]);
    const base = statement("").length;
    const exact = statement("a".repeat(2048 - base));
    expect(exact.replace(/\s/g, "").length).toBe(2048);
    expect(parseIotPolicy({ name: "Exact", document: exact }).ok).toBe(true);
    expect(parseIotPolicy({ name: "Spacious", document: exact.replace(/,/g, ",\n        ") }).ok).toBe(true);
    const over = parseIotPolicy({ name: "Over", document: statement("a".repeat(2049 - base)) });
    expect(over.ok === false && over.code).toBe("PolicyTooLarge");
    expect(over.ok === false && over.message).toContain("2049 characters besides whitespace");
  });

  it("cuts long statements in the text kept for warnings", () => {
    const parsed = parseIotPolicy({ name: "L", document: doc([{ Effect: "Allow", Action: "iot:Publish", Resource: Array.from({ length: 12 }, (_, i) => topic(`long/topic/${i}`)) }]) });
    expect(parsed.ok && parsed.statements[0]?.text.length).toBe(500);
  });
});

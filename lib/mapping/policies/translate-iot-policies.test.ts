import { describe, expect, it } from "vitest";
import { generateEstate, type IotEstate } from "@/doubles/aws/estate";
import type { PolicyInput, PolicyTranslationInput, ThingInput } from "@/lib/mapping/policies/policy-translation-types";
import { translateIotPolicies } from "@/lib/mapping/policies/translate-iot-policies";

const ARN = "arn:aws:iot:eu-west-1:123456789012";
const T = "${iot:Connection.Thing.ThingName}";
const doc = (statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const topic = (t: string) => `${ARN}:topic/${t}`;
const filter = (t: string) => `${ARN}:topicfilter/${t}`;
const client = (t: string) => `${ARN}:client/${t}`;
const thing = (name: string, productRef: string, policyNames: string[], extra: Partial<ThingInput> = {}): ThingInput => ({ thingName: name, productRef, thingTypeName: productRef, policyNames, ...extra });

/** The policies reaching each thing of a stand-in estate: its certificates' and its groups' (with their parents). */
function estateInput(iot: IotEstate): PolicyTranslationInput {
  const certificates = new Map(iot.certificates.map((c) => [c.id, c]));
  const groups = new Map(iot.thingGroups.map((g) => [g.name, g]));
  const groupPolicies = (name: string, seen = new Set<string>()): string[] => {
    const group = groups.get(name);
    if (!group || seen.has(name)) return [];
    seen.add(name);
    return [...group.policyNames, ...(group.parentName ? groupPolicies(group.parentName, seen) : [])];
  };
  const policies: PolicyInput[] = iot.policies.map((p) => ({ name: p.name, document: p.versions.find((v) => v.isDefault)?.document }));
  const things: ThingInput[] = iot.things.map((t) => ({
    thingName: t.name,
    productRef: t.typeName ?? "default",
    thingTypeName: t.typeName ?? null,
    attributes: t.attributes,
    policyNames: [...t.principals.flatMap((id) => certificates.get(id)?.policyNames ?? []), ...t.groupNames.flatMap((g) => groupPolicies(g))],
  }));
  return { policies, things };
}

describe("translateIotPolicies: the research note's worked example (7)", () => {
  const result = translateIotPolicies({
    policies: [
      {
        name: "DevicePolicy",
        document: doc([
          { Effect: "Allow", Action: "iot:Connect", Resource: client(T) },
          { Effect: "Allow", Action: "iot:Publish", Resource: topic(`dt/${T}/telemetry`) },
          { Effect: "Allow", Action: "iot:Subscribe", Resource: filter(`cmd/${T}/#`) },
          { Effect: "Allow", Action: "iot:Receive", Resource: topic(`cmd/${T}/*`) },
        ]),
      },
    ],
    things: [thing("sensor-1", "Sensor", ["DevicePolicy"]), thing("sensor-2", "Sensor", ["DevicePolicy"])],
  });

  it("gives a PUB class for telemetry and a SUB class for commands, under the device's own namespace", () => {
    expect(result.errors).toEqual([]);
    expect(result.products).toHaveLength(1);
    const product = result.products[0]!;
    expect(product).toMatchObject({ productRef: "Sensor", deviceCount: 2, policySets: [{ policyNames: ["DevicePolicy"], deviceCount: 2 }] });
    expect(product.topicClasses.map((c) => [c.topicShortName, c.operation, c.topic])).toEqual([
      ["cmd/#", "SUB", "/${productKey}/${deviceName}/user/cmd/#"],
      ["dt/telemetry", "PUB", "/${productKey}/${deviceName}/user/dt/telemetry"],
    ]);
    expect(product.topicClasses[1]!.description).toBe("From AWS IoT policy DevicePolicy");
    expect(product.topicClasses[1]!.sources).toEqual([{ policyName: "DevicePolicy", statementIndex: 1, awsResource: topic(`dt/${T}/telemetry`), permission: "PUB", origin: "policy" }]);
  });

  it("explains each pattern, drops Receive and warns that Connect has no equivalent", () => {
    const patterns = result.products[0]!.patterns;
    expect(patterns.map((p) => [p.statementIndex, p.permission, p.outcome.kind])).toEqual([
      [1, "publish", "class"],
      [2, "subscribe", "class"],
      [3, "receive", "dropped"],
    ]);
    expect(patterns[0]!.reason).toContain("dt/telemetry (PUB)");
    expect(result.warnings.map((w) => w.code)).toEqual(["ConnectHasNoEquivalent"]);
    expect(result.warnings[0]).toMatchObject({ productRef: null, policyName: "DevicePolicy", statementIndex: 0 });
    expect(result.warnings[0]!.statement).toContain("iot:Connect");
  });

  it("needs no republish rule: each device talks only to its own topics", () => {
    expect(result.republishRules).toEqual([]);
  });
});

describe("translateIotPolicies: device-to-device traffic", () => {
  it("forwards sensors' telemetry to the gateways that subscribe to the whole fleet", () => {
    const result = translateIotPolicies({
      policies: [
        { name: "SensorPolicy", document: doc([{ Effect: "Allow", Action: "iot:Publish", Resource: topic(`dt/${T}/telemetry`) }]) },
        {
          name: "GatewayPolicy",
          document: doc([
            { Effect: "Allow", Action: "iot:Subscribe", Resource: filter("dt/+/telemetry") },
            { Effect: "Allow", Action: "iot:Receive", Resource: topic("dt/*") },
          ]),
        },
      ],
      things: [thing("sensor-1", "Sensor", ["SensorPolicy"]), thing("sensor-2", "Sensor", ["SensorPolicy"]), thing("gw-1", "Gateway", ["GatewayPolicy"], { deviceName: "gw_1" }), thing("gw-2", "Gateway", ["GatewayPolicy"])],
    });
    expect(result.products.find((p) => p.productRef === "Gateway")!.topicClasses.map((c) => [c.topicShortName, c.operation])).toEqual([["dt/+/telemetry", "SUB"]]);
    expect(result.republishRules).toHaveLength(1);
    const rule = result.republishRules[0]!;
    expect(rule).toMatchObject({ sourceProductRef: "Sensor", topicType: 1, shortTopic: "+/user/dt/telemetry", select: "*, deviceName() as source", where: "", status: "proposed", confidence: "unconfirmed" });
    expect(rule.actions.map((a) => a.configuration)).toEqual([
      { topic: "/${productKey}/gw-2/user/dt/${source}/telemetry", topicType: 1 },
      { topic: "/${productKey}/gw_1/user/dt/${source}/telemetry", topicType: 1 },
    ]);
    expect(rule.actions.every((a) => a.targetProductRef === "Gateway")).toBe(true);
    expect(rule.flows).toEqual([{ fromProductRef: "Sensor", fromPolicyName: "SensorPolicy", fromResource: topic(`dt/${T}/telemetry`), toProductRef: "Gateway", toPolicyName: "GatewayPolicy", toResource: filter("dt/+/telemetry") }]);
    expect(rule.name.length).toBeLessThanOrEqual(30);
    expect(rule.name).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("needs Receive as well as Subscribe, as AWS does", () => {
    const result = translateIotPolicies({
      policies: [
        { name: "SensorPolicy", document: doc([{ Effect: "Allow", Action: "iot:Publish", Resource: topic(`dt/${T}/telemetry`) }]) },
        { name: "GatewayPolicy", document: doc([{ Effect: "Allow", Action: "iot:Subscribe", Resource: filter("dt/+/telemetry") }]) },
      ],
      things: [thing("sensor-1", "Sensor", ["SensorPolicy"]), thing("gw-1", "Gateway", ["GatewayPolicy"])],
    });
    expect(result.republishRules).toEqual([]);
  });

  it("forwards an application's command to the one lamp it names (worked example 3)", () => {
    const result = translateIotPolicies({
      policies: [
        { name: "AppPolicy", document: doc([{ Effect: "Allow", Action: "iot:Publish", Resource: [topic("cmd/lamp-01/req"), topic("cmd/lamp-02/req")] }]) },
        { name: "LampPolicy", document: doc([{ Effect: "Allow", Action: ["iot:Subscribe", "iot:Receive"], Resource: [filter(`cmd/${T}/req`), topic(`cmd/${T}/req`)] }]) },
      ],
      things: [thing("controller", "App", ["AppPolicy"]), thing("lamp-01", "Lamp", ["LampPolicy"], { deviceName: "lamp_01" }), thing("lamp-02", "Lamp", ["LampPolicy"])],
    });
    const app = result.products.find((p) => p.productRef === "App")!;
    expect(app.topicClasses.map((c) => [c.topicShortName, c.operation])).toEqual([
      ["cmd/lamp_01/req", "PUB"],
      ["cmd/lamp_02/req", "PUB"],
    ]);
    expect(result.republishRules.map((r) => [r.shortTopic, r.status, r.confidence, r.actions.map((a) => a.configuration.topic)])).toEqual([
      ["+/user/cmd/lamp_01/req", "proposed", "documented", ["/${productKey}/lamp_01/user/cmd/req"]],
      ["+/user/cmd/lamp_02/req", "proposed", "documented", ["/${productKey}/lamp-02/user/cmd/req"]],
    ]);
    expect(result.products.find((p) => p.productRef === "Lamp")!.topicClasses.map((c) => [c.topicShortName, c.operation])).toEqual([["cmd/req", "SUB"]]);
    expect(result.warnings.filter((w) => w.code === "LevelRewritten").length).toBe(2);
  });

  it("fleet-wide alerts among many devices of one product need a decision, and avoid a loop", () => {
    const devices = Array.from({ length: 25 }, (_, i) => thing(`unit-${String(i).padStart(2, "0")}`, "Unit", ["FleetPolicy"]));
    const result = translateIotPolicies({
      policies: [{ name: "FleetPolicy", document: doc([{ Effect: "Allow", Action: ["iot:Publish", "iot:Subscribe", "iot:Receive"], Resource: [topic("fleet/alerts"), filter("fleet/alerts")] }]) }],
      things: devices,
    });
    expect(result.republishRules).toHaveLength(1);
    const rule = result.republishRules[0]!;
    expect(rule).toMatchObject({ shortTopic: "+/user/fleet/alerts", status: "needs-decision", confidence: "unconfirmed" });
    expect(rule.choices.length).toBe(3);
    expect(rule.actions).toEqual([expect.objectContaining({ targetDeviceName: null, targetTopicShortName: "fleet/alerts/in", targetTopic: "/${productKey}/${deviceName}/user/fleet/alerts/in" })]);
    const classes = result.products[0]!.topicClasses;
    expect(classes.map((c) => [c.topicShortName, c.operation])).toEqual([
      ["fleet/alerts", "ALL"],
      ["fleet/alerts/in", "SUB"],
    ]);
    expect(classes[1]!.sources[0]!.origin).toBe("republish-target");
    expect(result.warnings.map((w) => w.code)).toContain("RepublishFanOut");
    expect(result.warnings.find((w) => w.code === "SharedTopicPerDevice")).toMatchObject({ productRef: "Unit", policyName: "FleetPolicy", statementIndex: 0 });
    expect(rule.reasons.join(" ")).toContain("trigger the rule again");
  });

  it("a shared topic held by one device alone needs no rule", () => {
    const result = translateIotPolicies({
      policies: [{ name: "FleetPolicy", document: doc([{ Effect: "Allow", Action: ["iot:Publish", "iot:Subscribe", "iot:Receive"], Resource: [topic("fleet/alerts"), filter("fleet/alerts")] }]) }],
      things: [thing("only-one", "Unit", ["FleetPolicy"])],
    });
    expect(result.republishRules).toEqual([]);
  });

  it("splits a rule past 10 actions", () => {
    const lamps = Array.from({ length: 12 }, (_, i) => `lamp${String(i).padStart(2, "0")}`);
    const result = translateIotPolicies({
      policies: [
        { name: "Hub", document: doc([{ Effect: "Allow", Action: "iot:Publish", Resource: topic("all/on") }]) },
        ...lamps.map((l) => ({ name: `P-${l}`, document: doc([{ Effect: "Allow", Action: ["iot:Subscribe", "iot:Receive"], Resource: [filter("all/on"), topic("all/on")] }]) })),
      ],
      // every lamp holds a different policy, so each is a receiving group of one
      things: [thing("hub", "Hub", ["Hub"]), ...lamps.map((l) => thing(l, "Lamp", [`P-${l}`]))],
    });
    expect(result.republishRules.map((r) => r.actions.length)).toEqual([10, 2]);
    expect(new Set(result.republishRules.map((r) => r.name)).size).toBe(2);
    expect(result.republishRules.every((r) => r.status === "proposed")).toBe(true);
  });
});

describe("translateIotPolicies: variables, wildcards and Deny", () => {
  it("resolves the thing type and uniform attributes per product, refuses varying ones", () => {
    const result = translateIotPolicies({
      policies: [
        {
          name: "P",
          document: doc([
            { Effect: "Allow", Action: "iot:Publish", Resource: [topic("types/${iot:Connection.Thing.ThingTypeName}/${iot:ClientId}/up"), topic("site/${iot:Connection.Thing.Attributes[site]}/" + T), topic("room/${iot:Connection.Thing.Attributes[room]}/" + T)] },
          ]),
        },
      ],
      things: [thing("a1", "Meter", ["P"], { attributes: { site: "bldgA", room: "1" } }), thing("a2", "Meter", ["P"], { attributes: { site: "bldgA", room: "2" } })],
    });
    expect(result.products[0]!.topicClasses.map((c) => c.topicShortName)).toEqual(["site/bldgA", "types/Meter/up"]);
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(["ThingTypeNameResolved", "ClientIdAssumedThingName", "AttributeResolved", "UnsupportedVariable"]));
    expect(result.products[0]!.patterns.find((p) => p.awsResource.includes("room"))!.outcome).toEqual({ kind: "none", code: "UnsupportedVariable" });
  });

  it("reads resource ARNs with wildcard regions, colons in topics, other services and other resource types", () => {
    const result = translateIotPolicies({
      policies: [
        {
          name: "R",
          document: doc([
            { Effect: "Allow", Action: "iot:Subscribe", Resource: ["arn:aws:iot:*:*:topicfilter/a:b/" + T, "arn:aws:iot:*:*:*", topic("not/a/filter")] },
            { Effect: "Allow", Action: "iot:Publish", Resource: ["arn:aws:s3:::bucket/x", "arn:aws:iot:eu-west-1:123456789012:topic*", filter("not/a/topic"), "arn:aws:iot:*:*:topic/up/" + T] },
          ]),
        },
      ],
      things: [thing("t1", "Sensor", ["R"])],
    });
    const plan = result.products[0]!;
    expect(plan.topicClasses.map((c) => [c.topicShortName, c.operation])).toEqual([
      ["#", "SUB"],
      ["a_b", "SUB"],
      ["up", "PUB"],
    ]);
    // sorted by statement and resource; the type wildcard topic* reads as every topic, where publishing has no equivalent
    expect(plan.patterns.map((p) => [p.awsResource, p.outcome.kind])).toEqual([
      ["arn:aws:iot:*:*:*", "class"],
      ["arn:aws:iot:*:*:topicfilter/a:b/" + T, "class"],
      ["arn:aws:iot:*:*:topic/up/" + T, "class"],
      ["arn:aws:iot:eu-west-1:123456789012:topic*", "none"],
    ]);
  });

  it("lets a Deny win over an Allow, across policies", () => {
    const result = translateIotPolicies({
      policies: [
        { name: "Allow", document: doc([{ Effect: "Allow", Action: ["iot:Publish", "iot:Subscribe"], Resource: [topic(`dt/${T}/x`), topic("fleet/alerts"), filter(`cmd/${T}/#`)] }]) },
        { name: "Quarantine", document: doc([{ Effect: "Deny", Action: "iot:Publish", Resource: "*" }]) },
      ],
      things: [thing("q1", "Sensor", ["Allow", "Quarantine"]), thing("ok1", "Sensor", ["Allow"])],
    });
    const plan = result.products[0]!;
    // the quarantined group loses publishing, the other keeps it; the product's classes are the union
    expect(plan.patterns.filter((p) => p.outcome.kind === "dropped").map((p) => p.reason)).toEqual([
      'Denied by statement 1 of Quarantine ("*"): Deny wins.',
      'Denied by statement 1 of Quarantine ("*"): Deny wins.',
    ]);
    expect(plan.topicClasses.map((c) => c.topicShortName)).toEqual(["cmd/#", "dt/x", "fleet/alerts"]);
    expect(result.warnings.map((w) => w.code)).toContain("PolicySetsDifferWithinProduct");
  });

  it("drops what a Deny covers for every device of the product", () => {
    const result = translateIotPolicies({
      policies: [
        { name: "A", document: doc([{ Effect: "Allow", Action: "iot:Publish", Resource: [topic(`dt/${T}/x`), topic(`admin/${T}/reset`)] }]) },
        { name: "D", document: doc([{ Effect: "Deny", Action: "iot:Publish", Resource: topic(`admin/*`) }]) },
      ],
      things: [thing("t1", "Sensor", ["A", "D"])],
    });
    expect(result.products[0]!.topicClasses.map((c) => c.topicShortName)).toEqual(["dt/x"]);
  });

  it("warns when a Deny removes only part of an Allow", () => {
    const result = translateIotPolicies({
      policies: [
        { name: "A", document: doc([{ Effect: "Allow", Action: "iot:Subscribe", Resource: filter(`cmd/${T}/*`) }, { Effect: "Deny", Action: "iot:Subscribe", Resource: filter(`cmd/${T}/admin`) }]) },
      ],
      things: [thing("t1", "Sensor", ["A"])],
    });
    expect(result.products[0]!.topicClasses.map((c) => c.topicShortName)).toEqual(["cmd/#"]);
    expect(result.warnings.find((w) => w.code === "PartialDeny")).toMatchObject({ productRef: "Sensor", policyName: "A", statementIndex: 1 });
  });

  it("applies a conditional Deny as if unconditional, and says so", () => {
    const result = translateIotPolicies({
      policies: [
        { name: "A", document: doc([{ Effect: "Allow", Action: "iot:Publish", Resource: topic(`dt/${T}`) }]) },
        { name: "D", document: doc([{ Effect: "Deny", Action: "iot:Publish", Resource: "*", Condition: { Bool: { "iot:Connection.Thing.IsAttached": "false" } } }]) },
      ],
      things: [thing("t1", "Sensor", ["A", "D"])],
    });
    expect(result.products[0]!.topicClasses).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: "ConditionIgnored", policyName: "D", statementIndex: 0, productRef: null })]);
    expect(result.warnings[0]!.message).toContain("grants less");
  });

  it("warns once per statement about every non-topic action iot:* brings", () => {
    const result = translateIotPolicies({ policies: [{ name: "All", document: doc([{ Effect: "Allow", Action: "iot:*", Resource: topic("legacy/*") }]) }], things: [] });
    expect(result.warnings.map((w) => w.code)).toEqual([
      "ConnectHasNoEquivalent",
      "CredentialsProviderNoEquivalent",
      "JobsNoTopicEquivalent",
      "NamedShadowNoEquivalent",
      "RetainedMessagesUnsupported",
      "ShadowActionsPredefined",
    ]);
  });

  it("warns about conditions, NotAction and NotResource", () => {
    const result = translateIotPolicies({
      policies: [
        {
          name: "C",
          document: doc([
            { Effect: "Allow", Action: "iot:Publish", Resource: topic(`dt/${T}`), Condition: { StringEquals: { "aws:SourceIp": "10.0.0.1" } } },
            { Effect: "Allow", NotAction: "iot:Connect", Resource: "*" },
            { Effect: "Deny", Action: "iot:Publish", NotResource: topic("safe") },
          ]),
        },
      ],
      things: [thing("t1", "Sensor", ["C"])],
    });
    expect(result.warnings.map((w) => [w.code, w.statementIndex])).toEqual([
      ["ConditionIgnored", 0],
      ["NotActionUnsupported", 1],
      ["NotResourceUnsupported", 2],
    ]);
    expect(result.products[0]!.topicClasses.map((c) => c.topicShortName)).toEqual(["dt"]);
  });
});

describe("translateIotPolicies: malformed input", () => {
  it("reports each unreadable policy and translates the rest", () => {
    const result = translateIotPolicies({
      policies: [
        { name: "Good", document: doc([{ Effect: "Allow", Action: "iot:Publish", Resource: topic(`dt/${T}`) }]) },
        { name: "Broken", document: '{"Statement": [' },
        { name: "Unknown", document: doc([{ Effect: "Allow", Action: "iot:Teleport", Resource: "*" }]) },
        { name: "Shape", document: JSON.stringify({ Statement: "everything" }) },
        { name: "Huge", document: doc([{ Effect: "Allow", Action: "iot:Publish", Resource: Array.from({ length: 3000 }, (_, i) => topic(`t/${i}`)) }]) },
        { name: "Good", document: "{}" },
      ],
      things: [thing("t1", "Sensor", ["Good", "Broken", "Unknown", "Shape", "Huge", "Missing"])],
    });
    expect(result.errors.map((e) => [e.policyName, e.code])).toEqual([
      ["Broken", "MalformedPolicy"],
      ["Good", "DuplicatePolicyName"],
      ["Huge", "PolicyTooLarge"],
      ["Shape", "MalformedPolicy"],
      ["Unknown", "UnknownAction"],
    ]);
    expect(result.products[0]!.topicClasses.map((c) => c.topicShortName)).toEqual(["dt"]);
    expect(result.products[0]!.policySets).toEqual([{ policyNames: ["Good"], deviceCount: 1 }]);
  });

  it("never throws on hostile documents and names", () => {
    const hostile: unknown[] = [
      "null",
      "true",
      '"text"',
      "{}",
      '{"Statement": null}',
      '{"Statement": [null]}',
      '{"Statement": [{"Effect": "Allow", "Action": ["iot:Publish", 3], "Resource": "*"}]}',
      '{"Statement": [{"Effect": "Allow", "Action": "iot:Publish", "Resource": [{"x": 1}]}]}',
      '{"__proto__": {"polluted": true}, "Statement": [{"Effect": "Allow", "Action": "iot:Publish", "Resource": "*"}]}',
      '{"Statement": [{"Effect": "Allow", "Action": "iot:Publish", "Resource": "arn:aws:iot:r:1:topic/\u0000/\ud800/\u202e"}]}',
      "[".repeat(1000) + "]".repeat(1000),
      '{"Statement": [{"Effect": "Allow", "Action": "iot:Subscribe", "Resource": "arn:aws:iot:r:1:topicfilter/' + "*a".repeat(400) + '"}]}',
      42,
      undefined,
    ];
    const policies = hostile.map((document, i) => ({ name: `H${i}\u202e<script>`, document: document as string }));
    const result = translateIotPolicies({ policies, things: [thing("t\u0000", "P<>", policies.map((p) => p.name), { attributes: null })] });
    expect(result.errors.length + result.products[0]!.policySets[0]!.policyNames.length).toBe(hostile.length);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const error of result.errors) expect(error.message.length).toBeGreaterThan(20);
  });

  it("copes with no policies and no things", () => {
    expect(translateIotPolicies({ policies: [], things: [] })).toEqual({ products: [], republishRules: [], errors: [], warnings: [] });
  });
});

describe("translateIotPolicies: the stand-in estate", () => {
  const estate = generateEstate({ seed: 7, regions: ["eu-west-1"], thingsPerRegion: 2000, hostile: false });
  const iot = estate.byRegion["eu-west-1"]!.iot;
  const input = estateInput(iot);
  const result = translateIotPolicies(input);

  it("reports the broken import policy and reads the others", () => {
    expect(result.errors.map((e) => [e.policyName, e.code])).toEqual([["BrokenImportPolicy", "MalformedPolicy"]]);
  });

  it("translates the device telemetry policy to a PUB+SUB telemetry class and the predefined shadow", () => {
    const typed = result.products.find((p) => p.policySets.some((s) => s.policyNames.join() === "DeviceTelemetryPolicy"))!;
    const telemetry = typed.topicClasses.find((c) => c.topicShortName === "telemetry")!;
    expect(telemetry.operation).toBe("PUB");
    expect(typed.patterns.some((p) => p.outcome.kind === "predefined")).toBe(true);
    const codes = new Set(result.warnings.map((w) => w.code));
    for (const code of ["ConditionIgnored", "ConnectHasNoEquivalent", "JobsNoTopicEquivalent", "WildcardPublish", "ForeignActionIgnored", "NamedShadowNoEquivalent", "IamWildcardAsHash"]) expect(codes).toContain(code);
  });

  it("translates the estate's legacy catch-all and quarantine policies on the devices that hold them", () => {
    const legacy = translateIotPolicies({ policies: input.policies, things: [thing("modem-1", "LegacyModem", ["LegacyWildcardPolicy"]), thing("modem-2", "LegacyModem", ["LegacyWildcardPolicy"])] });
    expect(legacy.products[0]!.topicClasses.map((c) => [c.topicShortName, c.operation])).toEqual([["#", "SUB"]]);
    expect(legacy.warnings.filter((w) => w.productRef === "LegacyModem").map((w) => w.code)).toEqual(["AnyTopicNarrowed", "AnyTopicPublish"]);
    // a catch-all subscription is warned about, not wired to every publisher
    expect(legacy.republishRules).toEqual([]);
    const quarantined = translateIotPolicies({ policies: input.policies, things: [thing("q-1", "Sensor", ["DeviceTelemetryPolicy", "ReadOnlyShadowPolicy"])] });
    const plan = quarantined.products[0]!;
    expect(plan.topicClasses.map((c) => c.topicShortName)).toEqual([]);
    expect(plan.patterns.filter((p) => p.permission === "publish").every((p) => p.outcome.kind === "dropped" && p.reason.includes("ReadOnlyShadowPolicy"))).toBe(true);
  });

  it("every class fits Alibaba's topic class form", () => {
    for (const product of result.products) {
      for (const c of product.topicClasses) {
        const levels = c.topicShortName.split("/");
        expect(levels.every((l) => /^[A-Za-z0-9_]+$/.test(l) || l === "+" || l === "#")).toBe(true);
        if (c.operation !== "SUB") expect(c.topicShortName).not.toMatch(/[+#]/);
        if (levels.includes("#")) expect(levels.indexOf("#")).toBe(levels.length - 1);
      }
    }
  });

  it("is deterministic: the same input in another order gives the same output", () => {
    const shuffled: PolicyTranslationInput = { policies: [...input.policies].reverse(), things: [...input.things].reverse() };
    expect(JSON.stringify(translateIotPolicies(shuffled))).toBe(JSON.stringify(result));
  });
});

describe("translateIotPolicies: many policies at once", () => {
  it("translates hundreds of policies over thousands of devices, one product each", () => {
    const policies: PolicyInput[] = Array.from({ length: 300 }, (_, i) => ({
      name: `P${String(i).padStart(3, "0")}`,
      document: i % 50 === 7 ? "not json" : doc([{ Effect: "Allow", Action: ["iot:Publish", "iot:Subscribe", "iot:Receive"], Resource: [topic(`p${i}/${T}/up`), filter(`p${i}/${T}/down`), topic(`p${i}/${T}/down`)] }]),
    }));
    const things = Array.from({ length: 6000 }, (_, i) => thing(`dev-${i}`, `Prod${i % 300}`, [`P${String(i % 300).padStart(3, "0")}`]));
    const result = translateIotPolicies({ policies, things });
    expect(result.errors).toHaveLength(6);
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `SharedPolicy${i}`, document: doc([{ Effect: "Allow", Action: "iot:Publish", Resource: topic("shared/x") }]) }));
    const shared = translateIotPolicies({ policies: many, things: [thing("one", "X", many.map((p) => p.name))] });
    const description = shared.products[0]!.topicClasses[0]!.description;
    expect(description).toHaveLength(100);
    expect(description.startsWith("From AWS IoT policies SharedPolicy0, SharedPolicy1, ")).toBe(true);
    expect(description.endsWith("...")).toBe(true);
    expect(result.products).toHaveLength(300);
    const translated = result.products.filter((p) => p.topicClasses.length === 2);
    expect(translated).toHaveLength(294);
    expect(translated[0]!.topicClasses.map((c) => [c.topicShortName, c.operation])).toEqual([
      ["p0/down", "ALL"],
      ["p0/up", "PUB"],
    ]);
    expect(result.republishRules).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { CFN_TYPES, RULE_ACTION_KINDS, estateSummary, expectedCounts, generateEstate, referencedKmsKeys, referencedRoleArns, regionShortCode, type RegionEstate } from "./estate";
import { HOSTILE_VALUES, HOSTILE_VALUE_LIST } from "./hostile-values";

const regions = ["eu-central-1", "us-east-1"];

describe("generateEstate", () => {
  it("is deterministic for a seed and different for another seed", () => {
    const a = generateEstate({ seed: 7, regions, thingsPerRegion: 500 });
    const b = generateEstate({ seed: 7, regions, thingsPerRegion: 500 });
    const c = generateEstate({ seed: 8, regions, thingsPerRegion: 500 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it("generates each region from its own seed, so adding a region leaves the others alone", () => {
    const one = generateEstate({ seed: 7, regions: ["eu-central-1"], thingsPerRegion: 200 });
    const two = generateEstate({ seed: 7, regions: ["eu-central-1", "ap-southeast-2"], thingsPerRegion: 200 });
    expect(JSON.stringify(two.byRegion["eu-central-1"]?.iot.things)).toBe(JSON.stringify(one.byRegion["eu-central-1"]?.iot.things));
  });

  it("rejects options it cannot honour", () => {
    expect(() => generateEstate({ seed: 1, regions: [], thingsPerRegion: 1 })).toThrow(/region/);
    expect(() => generateEstate({ seed: 1, regions: ["eu-central-1", "eu-central-1"], thingsPerRegion: 1 })).toThrow(/unique/);
    expect(() => generateEstate({ seed: 1, regions, thingsPerRegion: -1 })).toThrow(/thingsPerRegion/);
    expect(() => generateEstate({ seed: 1, regions, thingsPerRegion: 1, accountId: "12" })).toThrow(/twelve/);
  });

  it("scales the fleet and keeps the supporting collections in their ranges", () => {
    for (const n of [0, 100, 3000, 20_000]) {
      const estate = generateEstate({ seed: 3, regions: ["eu-central-1"], thingsPerRegion: n });
      const iot = (estate.byRegion["eu-central-1"] as RegionEstate).iot;
      expect(iot.things).toHaveLength(n);
      expect(iot.thingTypes.length).toBeGreaterThanOrEqual(5);
      expect(iot.thingTypes.length).toBeLessThanOrEqual(20);
      expect(iot.thingGroups.length).toBeGreaterThanOrEqual(10);
      expect(iot.thingGroups.length).toBeLessThanOrEqual(60);
      // about one certificate per thing
      expect(iot.certificates.length).toBeGreaterThanOrEqual(Math.floor(n * 0.9));
      expect(iot.certificates.length).toBeLessThanOrEqual(Math.ceil(n * 1.1) + 5);
    }
  });

  it("builds the IoT structures an inventory has to understand", () => {
    const estate = generateEstate({ seed: 11, regions, thingsPerRegion: 3000 });
    const r = estate.byRegion["eu-central-1"] as RegionEstate;
    const iot = r.iot;
    const groups = new Map(iot.thingGroups.map((g) => [g.name, g]));
    const depth = (name: string): number => {
      const parent = groups.get(name)?.parentName;
      return parent ? 1 + depth(parent) : 1;
    };
    expect(Math.max(...iot.thingGroups.map((g) => depth(g.name)))).toBe(3);
    expect(iot.thingGroups.some((g) => g.dynamic?.indexName === "AWS_Things" && g.dynamic.queryString.length > 0)).toBe(true);
    expect(iot.thingTypes.some((t) => t.deprecated)).toBe(true);
    expect(new Set(iot.certificates.map((c) => c.status))).toEqual(new Set(["ACTIVE", "INACTIVE", "REVOKED"]));
    expect(new Set(iot.certificates.map((c) => c.mode))).toEqual(new Set(["DEFAULT", "SNI_ONLY"]));
    const caIds = new Set(iot.caCertificates.map((c) => c.id));
    expect(iot.certificates.filter((c) => c.caCertificateId && caIds.has(c.caCertificateId)).length).toBeGreaterThan(500);
    // every principal and group a thing names exists
    const certIds = new Set(iot.certificates.map((c) => c.id));
    for (const thing of iot.things) {
      for (const p of thing.principals) expect(certIds.has(p)).toBe(true);
      for (const g of thing.groupNames) expect(groups.has(g)).toBe(true);
    }
    // dynamic group membership agrees with its query
    const outdated = iot.things.filter((t) => t.groupNames.includes("firmware-outdated"));
    expect(outdated.length).toBeGreaterThan(0);
    expect(outdated.every((t) => (t.attributes.firmware as string).startsWith("1.0."))).toBe(true);
    expect(iot.things.some((t) => t.classicShadow)).toBe(true);
    expect(iot.things.some((t) => t.namedShadows.length > 0)).toBe(true);
    expect(iot.jobs.some((j) => j.targetSelection === "CONTINUOUS")).toBe(true);
    expect(iot.jobs.some((j) => j.targetSelection === "SNAPSHOT" && j.rollout && j.abort)).toBe(true);
    expect(new Set(iot.provisioningTemplates.map((t) => t.type))).toEqual(new Set(["FLEET_PROVISIONING", "JITP"]));
  });

  it("covers every common rule action kind, with error actions, disabled rules and a dangling function", () => {
    const estate = generateEstate({ seed: 11, regions, thingsPerRegion: 100 });
    const rules = (estate.byRegion["us-east-1"] as RegionEstate).iot.topicRules;
    const kinds = new Set(rules.flatMap((r) => r.actions.flatMap((a) => Object.keys(a))));
    for (const kind of RULE_ACTION_KINDS) expect(kinds).toContain(kind);
    expect(rules.some((r) => r.errorAction)).toBe(true);
    expect(rules.some((r) => r.disabled)).toBe(true);
    expect(new Set(rules.map((r) => r.sqlVersion))).toEqual(new Set(["2016-03-23", "2015-10-08"]));
    const summary = estateSummary(estate);
    expect(summary.notable.danglingFunctionArns.map((d) => d.functionArn)).toContain("arn:aws:lambda:us-east-1:123456789012:function:telemetry-enricher-v0");
    expect(summary.notable.malformedPolicies).toHaveLength(regions.length);
    for (const m of summary.notable.malformedPolicies) {
      const policy = (estate.byRegion[m.region] as RegionEstate).iot.policies.find((p) => p.name === m.policyName);
      expect(policy?.defaultVersionId).toBe(m.versionId);
    }
  });

  it("builds the supporting stack the rules point at", () => {
    const estate = generateEstate({ seed: 5, regions, thingsPerRegion: 100 });
    const r = estate.byRegion["eu-central-1"] as RegionEstate;
    expect(estate.s3Buckets.filter((b) => b.replication)).toHaveLength(1);
    expect(estate.s3Buckets.filter((b) => b.objectLock)).toHaveLength(1);
    expect(estate.s3Buckets.some((b) => !b.encryption && !b.publicAccessBlock && b.lifecycleRules.length === 0 && Object.keys(b.tags).length === 0)).toBe(true);
    expect(new Set(estate.s3Buckets.flatMap((b) => (b.encryption ? [b.encryption.algorithm] : [])))).toEqual(new Set(["AES256", "aws:kms"]));
    expect(r.dynamodbTables.some((t) => t.replicaRegions && t.replicaRegions.length > 1)).toBe(true);
    expect(new Set(r.dynamodbTables.map((t) => t.billingMode))).toEqual(new Set(["PAY_PER_REQUEST", "PROVISIONED"]));
    expect(r.lambdaFunctions.some((f) => Object.values(f.environment).some((v) => v.startsWith("sk-live-")))).toBe(true);
    expect(r.cloudTrails.some((t) => t.isMultiRegionTrail && t.logFileValidationEnabled)).toBe(true);
    // every role a rule, function or role alias names exists
    const roles = new Set(estate.iamRoles.map((role) => `arn:aws:iam::${estate.accountId}:role${role.path}${role.name}`));
    const referenced = [
      ...r.lambdaFunctions.map((f) => f.roleArn),
      ...r.iot.roleAliases.map((a) => a.roleArn),
      ...r.iot.topicRules.flatMap((rule) => rule.actions.flatMap((a) => Object.values(a).map((v) => v.roleArn as string | undefined))),
    ].filter((x): x is string => x !== undefined);
    for (const arn of referenced) expect(roles.has(arn)).toBe(true);
  });

  it("puts every hostile value somewhere when hostile, and none when not", () => {
    const hostile = generateEstate({ seed: 2, regions, thingsPerRegion: 200 });
    const text = JSON.stringify(hostile);
    for (const value of HOSTILE_VALUE_LIST) expect(text).toContain(JSON.stringify(value).slice(1, -1));
    expect(HOSTILE_VALUES.long).toHaveLength(4000);
    expect(estateSummary(hostile).notable.hostileThings).toHaveLength(HOSTILE_VALUE_LIST.length * regions.length);
    const tame = JSON.stringify(generateEstate({ seed: 2, regions, thingsPerRegion: 200, hostile: false }));
    for (const value of HOSTILE_VALUE_LIST) expect(tame).not.toContain(JSON.stringify(value).slice(1, -1));
  });

  it("counts every resource by CloudFormation type, per region and global", () => {
    const estate = generateEstate({ seed: 9, regions, thingsPerRegion: 250 });
    const counts = expectedCounts(estate);
    expect(Object.keys(counts).sort()).toEqual([...regions, "global"].sort());
    for (const c of Object.values(counts)) expect(Object.keys(c).sort()).toEqual([...CFN_TYPES].sort());
    const eu = counts["eu-central-1"] as Record<string, number>;
    expect(eu["AWS::IoT::Thing"]).toBe(250);
    expect(eu["AWS::IoT::FleetIndexing"]).toBe(1);
    expect(eu["AWS::IoT::Logging"]).toBe(1);
    expect(eu["AWS::IAM::Role"]).toBe(0);
    expect(eu["AWS::IoT::Endpoint"]).toBe(3);
    expect(eu["AWS::Timestream::Table"]).toBe(4);
    // every role is named by something in the estate
    expect(counts.global?.["AWS::IAM::Role"]).toBe(estate.iamRoles.length);
    // keys are counted when something is encrypted with them: five customer keys of seven, and the
    // AWS managed keys of Kinesis and SNS, which are named by their aliases
    const euKeys = (estate.byRegion["eu-central-1"] as RegionEstate).kmsKeys;
    expect(euKeys).toHaveLength(7);
    expect(eu["AWS::KMS::Key"]).toBe(7);
    expect(eu["AWS::KMS::Alias"]).toBe(2);
    const { keys, aliases } = referencedKmsKeys(estate, "eu-central-1");
    expect([...aliases].sort()).toEqual(["arn:aws:kms:eu-central-1:123456789012:alias/aws/kinesis", "arn:aws:kms:eu-central-1:123456789012:alias/aws/sns"]);
    expect(euKeys.filter((k) => keys.has(`arn:aws:kms:eu-central-1:123456789012:key/${k.id}`)).map((k) => k.description)).not.toContain("Retired key from the 2022 pilot");
    const buckets = regions.reduce((sum, region) => sum + (counts[region]?.["AWS::S3::Bucket"] ?? 0), 0);
    expect(buckets).toBe(estate.s3Buckets.length);
    const summary = estateSummary(estate);
    expect(summary.total).toBe(Object.values(summary.totals).reduce((a, b) => a + b, 0));
  });

  it("counts only the roles the scanned regions' resources name", () => {
    const estate = generateEstate({ seed: 9, regions, thingsPerRegion: 50 });
    const all = referencedRoleArns(estate);
    const second = referencedRoleArns(estate, ["us-east-1"]);
    expect(all.size).toBe(estate.iamRoles.length);
    // the multi-region trail and the replicated bucket live in the first region
    expect([...all].filter((arn) => !second.has(arn)).map((arn) => arn.split("/").pop()).sort()).toEqual(["cloudtrail-to-cloudwatch-role", "s3-replication-role"]);
  });

  it("generates 100,000 things per region quickly and compactly", () => {
    const started = performance.now();
    const estate = generateEstate({ seed: 42, regions: ["eu-central-1"], thingsPerRegion: 100_000 });
    const elapsed = performance.now() - started;
    expect(estate.byRegion["eu-central-1"]?.iot.things).toHaveLength(100_000);
    expect(elapsed).toBeLessThan(10_000);
    // attribute maps are shared between things with equal values
    const things = estate.byRegion["eu-central-1"]?.iot.things ?? [];
    expect(new Set(things.map((t) => t.attributes)).size).toBeLessThan(10_000);
  });

  it("shortens region names the way AWS people do", () => {
    expect(regionShortCode("eu-central-1")).toBe("euc1");
    expect(regionShortCode("ap-southeast-2")).toBe("apse2");
    expect(regionShortCode("us-east-1")).toBe("use1");
  });
});

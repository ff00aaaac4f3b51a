import { describe, expect, it } from "vitest";
import type { Catalogue, CatalogueTarget } from "@/lib/catalogue/catalogue-types";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { chooseTargetRegions } from "@/lib/mapping/regions/choose-target-regions";
import { AWS_REGION_GEOGRAPHY } from "@/lib/mapping/regions/region-geography";
import type {
  ChooseTargetRegionsInput,
  RegionCandidate,
  ResidencyRule,
  ServiceNeed,
  SourceRegionChoice,
} from "@/lib/mapping/regions/region-types";

const catalogue = readCurrentCatalogueSeed();

/** An IoT Core estate with its rule destinations, as an inventory of eu-central-1 reads it. */
const IOT_ESTATE: ServiceNeed[] = [
  { kind: "AWS::IoT::Thing" },
  { kind: "AWS::IoT::ThingType" },
  { kind: "AWS::IoT::ThingGroup" },
  { kind: "AWS::IoT::Certificate" },
  { kind: "AWS::IoT::Policy" },
  { kind: "AWS::IoT::TopicRule" },
  { kind: "AWS::S3::Bucket" },
  { kind: "AWS::DynamoDB::Table" },
  { kind: "AWS::Lambda::Function" },
  { kind: "AWS::Kinesis::Stream" },
  { kind: "AWS::SQS::Queue", target: "ApsaraMQ for RocketMQ" },
];

/** Things, rules, tables and functions, whose targets are all listed for cn-beijing. */
const BEIJING_ESTATE: ServiceNeed[] = [
  { kind: "AWS::IoT::Thing" },
  { kind: "AWS::IoT::TopicRule" },
  { kind: "AWS::DynamoDB::Table" },
  { kind: "AWS::Lambda::Function" },
];

const EU_DATA_IN_EEA: ResidencyRule = { id: "GDPR-01", appliesTo: { sourceAreas: ["EU"] }, keepWithin: ["EEA"], strength: "required" };

function choose(input: Partial<ChooseTargetRegionsInput> & Pick<ChooseTargetRegionsInput, "needs">) {
  return chooseTargetRegions({ catalogue, constraints: { world: "international" }, ...input });
}

function only(choices: SourceRegionChoice[], sourceRegion: string): SourceRegionChoice {
  const choice = choices.find((c) => c.sourceRegion === sourceRegion);
  if (!choice) throw new Error(`no choice for ${sourceRegion}`);
  return choice;
}

function codes(candidate: RegionCandidate | null | undefined): string[] {
  return (candidate?.reasons ?? []).map((r) => r.code);
}

/** A catalogue of one kind whose only target has the given international availability. */
function catalogueWith(targets: { name: string; international: CatalogueTarget["availability"]["international"] }[]): Catalogue {
  const base = catalogue.entries.find((e) => e.kind === "AWS::IoT::Thing");
  const template = base?.targets[0];
  if (!base || !template) throw new Error("test catalogue lacks AWS::IoT::Thing");
  return {
    ...catalogue,
    entries: targets.map((t, i) => ({
      ...base,
      kind: `AWS::Test::Kind${i}`,
      targets: [{ ...template, name: t.name, availability: { mainlandChina: { status: "none" }, international: t.international } }],
    })),
  };
}

describe("chooseTargetRegions: an IoT estate in eu-central-1", () => {
  const { choices, issues } = choose({ needs: [{ sourceRegion: "eu-central-1", services: IOT_ESTATE }] });
  const choice = only(choices, "eu-central-1");

  it("proposes Frankfurt, the default region, which offers IoT Platform and every destination", () => {
    expect(issues).toEqual([]);
    expect(choice.proposal?.region).toBe("eu-central-1");
    expect(choice.proposal?.offersAll).toBe(true);
    expect(choice.proposal?.missing).toEqual([]);
    expect(choice.proposal?.reasons).toContainEqual({
      code: "geography-default",
      params: { sourceRegion: "eu-central-1", region: "eu-central-1", position: 1, basis: "same-metro" },
    });
    expect(choice.sourceWorld).toBe("international");
    expect(codes(choice.proposal)).not.toContain("crosses-world");
  });

  it("resolves each kind to its rank-1 target unless the plan chose another", () => {
    expect(choice.services.find((s) => s.kind === "AWS::IoT::Thing")).toEqual({
      kind: "AWS::IoT::Thing",
      target: "IoT Platform (Enterprise instance)",
      targetRank: 1,
    });
    expect(choice.services.find((s) => s.kind === "AWS::SQS::Queue")?.target).toBe("ApsaraMQ for RocketMQ");
    expect(choice.services).toHaveLength(IOT_ESTATE.length);
  });

  it("does not take OSS (unverified) or Function Compute (list cut short) as offered: each is a reason and the confidence is low", () => {
    expect(choice.proposal?.unverified.map((s) => [s.kind, s.availability])).toEqual([
      ["AWS::Lambda::Function", "incomplete"],
      ["AWS::S3::Bucket", "unknown"],
    ]);
    expect(choice.proposal?.reasons).toContainEqual({
      code: "availability-unknown",
      params: { kind: "AWS::S3::Bucket", target: "Object Storage Service (OSS)", region: "eu-central-1", world: "international" },
    });
    expect(codes(choice.proposal)).toContain("availability-incomplete");
    expect(codes(choice.proposal)).not.toContain("all-services-offered");
    expect(choice.proposal?.confidence).toBe("low");
  });

  it("ranks the other IoT Platform regions as alternatives before London, which lacks IoT Platform", () => {
    const offering = choice.alternatives.filter((a) => a.offersAll).map((a) => a.region);
    expect(new Set(offering)).toEqual(new Set(["ap-southeast-1", "ap-northeast-1", "us-east-1", "us-west-1"]));
    // Singapore lists Function Compute and DataHub: fewer unverified services than the others.
    expect(choice.alternatives[0]?.region).toBe("ap-southeast-1");
    const firstMissing = choice.alternatives.findIndex((a) => !a.offersAll);
    expect(choice.alternatives.slice(firstMissing).every((a) => !a.offersAll)).toBe(true);
    const london = choice.alternatives[firstMissing];
    expect(london?.region).toBe("eu-west-1");
    expect(london?.missing.map((s) => s.kind)).toContain("AWS::IoT::Thing");
    expect(london?.reasons).toContainEqual({
      code: "service-not-offered",
      params: { kind: "AWS::IoT::Thing", target: "IoT Platform (Enterprise instance)", region: "eu-west-1", world: "international" },
    });
    expect(choice.alternatives).toHaveLength(5);
  });

  it("with EU data required to stay in the EEA, keeps Frankfurt and drops every region outside it", () => {
    const result = choose({ needs: [{ sourceRegion: "eu-central-1", services: IOT_ESTATE }], constraints: { world: "international", residency: [EU_DATA_IN_EEA] } });
    const kept = only(result.choices, "eu-central-1");
    expect(kept.proposal?.region).toBe("eu-central-1");
    expect(codes(kept.proposal)).toContain("residency-kept");
    expect(kept.alternatives).toEqual([]);
    const excluded = kept.reasons.find((r) => r.code === "residency-excluded");
    expect(excluded?.params.rule).toBe("GDPR-01");
    expect(excluded?.params.regions).toContain("eu-west-1");
    expect(excluded?.params.regions).toContain("us-east-1");
    expect(excluded?.params.regions).not.toContain("eu-central-1");
  });

  it("honours the maximum number of alternatives, falling back to 5 on a bad value", () => {
    const one = choose({ needs: [{ sourceRegion: "eu-central-1", services: IOT_ESTATE }], maxAlternatives: 1 });
    expect(only(one.choices, "eu-central-1").alternatives).toHaveLength(1);
    const bad = choose({ needs: [{ sourceRegion: "eu-central-1", services: IOT_ESTATE }], maxAlternatives: -3 });
    expect(only(bad.choices, "eu-central-1").alternatives).toHaveLength(5);
  });
});

describe("chooseTargetRegions: an estate in cn-north-1", () => {
  it("proposes cn-beijing with high confidence when every target lists it", () => {
    const { choices, issues } = choose({ needs: [{ sourceRegion: "cn-north-1", services: BEIJING_ESTATE }], constraints: { world: "mainland-china" } });
    const choice = only(choices, "cn-north-1");
    expect(issues).toEqual([]);
    expect(choice.sourceWorld).toBe("mainland-china");
    expect(choice.proposal?.region).toBe("cn-beijing");
    expect(choice.proposal?.world).toBe("mainland-china");
    expect(choice.proposal?.confidence).toBe("high");
    expect(choice.proposal?.reasons[0]).toEqual({ code: "all-services-offered", params: { region: "cn-beijing", count: 4 } });
    expect(choice.alternatives.every((a) => a.world === "mainland-china")).toBe(true);
  });

  it("moves to cn-shanghai when the plan keeps the public instance, which mainland China offers only there", () => {
    const services = [{ kind: "AWS::IoT::Thing", target: "IoT Platform (public instance)" }, { kind: "AWS::DynamoDB::Table" }];
    const choice = only(choose({ needs: [{ sourceRegion: "cn-north-1", services }], constraints: { world: "mainland-china" } }).choices, "cn-north-1");
    expect(choice.proposal?.region).toBe("cn-shanghai");
    const position = (AWS_REGION_GEOGRAPHY["cn-north-1"]?.defaults.indexOf("cn-shanghai") ?? -2) + 1;
    expect(choice.proposal?.geographyPosition).toBe(position);
    expect(choice.alternatives[0]?.offersAll).toBe(false);
    expect(choice.alternatives[0]?.region).toBe("cn-beijing");
  });

  it("says so when an international target is forced on a mainland source", () => {
    const choice = only(choose({ needs: [{ sourceRegion: "cn-north-1", services: BEIJING_ESTATE }], constraints: { world: "international" } }).choices, "cn-north-1");
    expect(choice.proposal?.world).toBe("international");
    expect(choice.proposal?.reasons).toContainEqual({
      code: "crosses-world",
      params: { sourceRegion: "cn-north-1", sourceWorld: "mainland-china", region: choice.proposal?.region ?? "", targetWorld: "international" },
    });
  });
});

describe("chooseTargetRegions: a service offered only in some regions", () => {
  const x509Estate: ServiceNeed[] = [{ kind: "AWS::IoT::Thing" }, { kind: "AWS::IoT::Certificate", target: "X.509 device certificate (IoT Platform)" }];

  it("finds no international region for X.509 device certificates and shows the nearest misses", () => {
    const choice = only(choose({ needs: [{ sourceRegion: "eu-central-1", services: x509Estate }] }).choices, "eu-central-1");
    expect(choice.proposal).toBeNull();
    expect(choice.reasons).toContainEqual({ code: "no-region-offers-all", params: { sourceRegion: "eu-central-1", world: "international" } });
    expect(choice.alternatives[0]?.region).toBe("eu-central-1");
    expect(choice.alternatives[0]?.missing.map((s) => s.target)).toEqual(["X.509 device certificate (IoT Platform)"]);
  });

  it("crosses into mainland China (cn-shanghai) when either world is allowed, and says so", () => {
    const choice = only(choose({ needs: [{ sourceRegion: "eu-central-1", services: x509Estate }], constraints: { world: "either" } }).choices, "eu-central-1");
    expect(choice.proposal?.region).toBe("cn-shanghai");
    expect(codes(choice.proposal)).toContain("crosses-world");
    expect(codes(choice.proposal)).toContain("geography-away");
  });

  it("never proposes cn-shanghai for EU data that must stay in the EEA", () => {
    const choice = only(
      choose({ needs: [{ sourceRegion: "eu-central-1", services: x509Estate }], constraints: { world: "either", residency: [EU_DATA_IN_EEA] } }).choices,
      "eu-central-1",
    );
    expect(choice.proposal).toBeNull();
    expect(choice.alternatives.map((a) => a.region)).toEqual(["eu-central-1"]);
  });

  it("proposes cn-shanghai under a residency preference, with the preference not met as a reason", () => {
    const preferred: ResidencyRule = { ...EU_DATA_IN_EEA, strength: "preferred" };
    const choice = only(
      choose({ needs: [{ sourceRegion: "eu-central-1", services: x509Estate }], constraints: { world: "either", residency: [preferred] } }).choices,
      "eu-central-1",
    );
    expect(choice.proposal?.region).toBe("cn-shanghai");
    expect(choice.proposal?.residencyPreferencesNotMet).toEqual(["GDPR-01"]);
    expect(codes(choice.proposal)).toContain("residency-preference-not-met");
  });

  it("ranks a region that keeps a residency preference above one that does not when both offer all", () => {
    const london: ResidencyRule = { id: "UK-1", appliesTo: { sourceRegions: ["eu-west-2"] }, keepWithin: ["DE"], strength: "preferred" };
    const services = [{ kind: "AWS::DynamoDB::Table" }];
    const plain = only(choose({ needs: [{ sourceRegion: "eu-west-2", services }] }).choices, "eu-west-2");
    expect(plain.proposal?.region).toBe("eu-west-1");
    const ruled = only(choose({ needs: [{ sourceRegion: "eu-west-2", services }], constraints: { world: "international", residency: [london] } }).choices, "eu-west-2");
    expect(ruled.proposal?.region).toBe("eu-central-1");
    expect(ruled.alternatives[0]?.region).toBe("eu-west-1");
    expect(ruled.alternatives[0]?.residencyPreferencesNotMet).toEqual(["UK-1"]);
  });

  it("reports no eligible region when the rules leave none", () => {
    const nowhere: ResidencyRule = { id: "X-1", appliesTo: { sourceRegions: ["us-east-1"] }, keepWithin: ["FR"], strength: "required" };
    const choice = only(choose({ needs: [{ sourceRegion: "us-east-1", services: BEIJING_ESTATE }], constraints: { world: "either", residency: [nowhere] } }).choices, "us-east-1");
    expect(choice.proposal).toBeNull();
    expect(choice.alternatives).toEqual([]);
    expect(choice.reasons.map((r) => r.code)).toContain("no-eligible-region");
  });
});

describe("chooseTargetRegions: unknown and incomplete availability", () => {
  const listed = { status: "regions" as const, regions: ["eu-central-1", "us-east-1"] };

  it("gives high confidence only when every service is listed for the region", () => {
    const choice = only(
      chooseTargetRegions({ catalogue: catalogueWith([{ name: "A", international: listed }]), constraints: { world: "international" }, needs: [{ sourceRegion: "eu-central-1", services: [{ kind: "AWS::Test::Kind0" }] }] }).choices,
      "eu-central-1",
    );
    expect(choice.proposal?.region).toBe("eu-central-1");
    expect(choice.proposal?.confidence).toBe("high");
  });

  it("keeps the nearest region at medium confidence when a list cut short leaves it out, and shows the listed region", () => {
    const test = catalogueWith([
      { name: "A", international: listed },
      { name: "B", international: { status: "regions", regions: ["us-east-1"], incomplete: true } },
    ]);
    const choice = only(
      chooseTargetRegions({ catalogue: test, constraints: { world: "international" }, needs: [{ sourceRegion: "eu-central-1", services: [{ kind: "AWS::Test::Kind0" }, { kind: "AWS::Test::Kind1" }] }] }).choices,
      "eu-central-1",
    );
    expect(choice.proposal?.region).toBe("eu-central-1");
    expect(choice.proposal?.confidence).toBe("medium");
    expect(choice.proposal?.reasons).toContainEqual({
      code: "availability-incomplete",
      params: { kind: "AWS::Test::Kind1", target: "B", region: "eu-central-1", world: "international" },
    });
    const virginia = choice.alternatives.find((a) => a.region === "us-east-1");
    expect(virginia?.confidence).toBe("high");
    expect(choice.alternatives[0]?.region).toBe("us-east-1");
  });

  it("gives low confidence when a service's availability is unknown", () => {
    const test = catalogueWith([
      { name: "A", international: listed },
      { name: "C", international: { status: "unknown" } },
    ]);
    const choice = only(
      chooseTargetRegions({ catalogue: test, constraints: { world: "international" }, needs: [{ sourceRegion: "eu-central-1", services: [{ kind: "AWS::Test::Kind0" }, { kind: "AWS::Test::Kind1" }] }] }).choices,
      "eu-central-1",
    );
    expect(choice.proposal?.confidence).toBe("low");
    expect(choice.proposal?.unverified).toEqual([{ kind: "AWS::Test::Kind1", target: "C", targetRank: 1, availability: "unknown" }]);
    expect(choice.alternatives.some((a) => a.confidence === "high")).toBe(false);
  });
});

describe("chooseTargetRegions: malformed input", () => {
  it("reports an unknown source region and still chooses for the others", () => {
    const { choices, issues } = choose({
      needs: [
        { sourceRegion: "xx-moon-1", services: BEIJING_ESTATE },
        { sourceRegion: "us-east-1", services: [{ kind: "AWS::IoT::Thing" }] },
      ],
    });
    expect(issues).toEqual([{ code: "unknown-source-region", sourceRegion: "xx-moon-1", params: { sourceRegion: "xx-moon-1" } }]);
    expect(choices.map((c) => c.sourceRegion)).toEqual(["us-east-1"]);
    expect(only(choices, "us-east-1").proposal?.region).toBe("us-east-1");
  });

  it("reports empty needs, duplicates and bad items, one issue each", () => {
    const { choices, issues } = choose({
      needs: [
        { sourceRegion: "eu-central-1", services: [] },
        { sourceRegion: "us-east-1", services: [{ kind: "AWS::IoT::Thing" }] },
        { sourceRegion: "us-east-1", services: [{ kind: "AWS::S3::Bucket" }] },
        null,
        { sourceRegion: "ap-southeast-1", services: "AWS::IoT::Thing" },
      ] as unknown as ChooseTargetRegionsInput["needs"],
    });
    expect(choices.map((c) => c.sourceRegion)).toEqual(["us-east-1"]);
    expect(only(choices, "us-east-1").services.map((s) => s.kind)).toEqual(["AWS::IoT::Thing"]);
    expect(issues).toEqual(
      expect.arrayContaining([
        { code: "no-needs", sourceRegion: "eu-central-1", params: { sourceRegion: "eu-central-1" } },
        { code: "duplicate-source-region", sourceRegion: "us-east-1", params: { sourceRegion: "us-east-1" } },
        { code: "invalid-input", sourceRegion: null, params: { field: "needs[3]" } },
        { code: "invalid-input", sourceRegion: "ap-southeast-1", params: { field: "services" } },
      ]),
    );
    expect(issues).toHaveLength(4);
  });

  it("reports an unknown kind or target, checks the rest and lowers the confidence", () => {
    const { choices, issues } = choose({
      needs: [{ sourceRegion: "cn-north-1", services: [...BEIJING_ESTATE, { kind: "AWS::Made::Up" }, { kind: "AWS::IoT::Thing", target: "Imaginary Broker" }] }],
      constraints: { world: "mainland-china" },
    });
    expect(issues).toEqual([
      { code: "unknown-kind", sourceRegion: "cn-north-1", params: { kind: "AWS::Made::Up" } },
      { code: "unknown-target", sourceRegion: "cn-north-1", params: { kind: "AWS::IoT::Thing", target: "Imaginary Broker" } },
    ]);
    const choice = only(choices, "cn-north-1");
    expect(choice.proposal?.region).toBe("cn-beijing");
    expect(choice.proposal?.confidence).toBe("low");
    expect(choice.proposal?.reasons).toContainEqual({ code: "service-not-checked", params: { kind: "AWS::Made::Up", target: null } });
  });

  it("refuses bad constraints as a whole rather than ignore a residency rule", () => {
    const badWorld = chooseTargetRegions({ catalogue, needs: [{ sourceRegion: "eu-central-1", services: IOT_ESTATE }], constraints: { world: "moon" } as never });
    expect(badWorld.choices).toEqual([]);
    expect(badWorld.issues).toEqual([{ code: "invalid-input", sourceRegion: null, params: { field: "constraints.world" } }]);
    const badRule = chooseTargetRegions({
      catalogue,
      needs: [{ sourceRegion: "eu-central-1", services: IOT_ESTATE }],
      constraints: { world: "either", residency: [EU_DATA_IN_EEA, { id: "GDPR-02", appliesTo: {}, keepWithin: ["EEA"], strength: "required" }] },
    });
    expect(badRule.choices).toEqual([]);
    expect(badRule.issues).toEqual([{ code: "invalid-input", sourceRegion: null, params: { field: "constraints.residency[1]" } }]);
  });

  it("treats inherited property names as unknown regions, not as known ones", () => {
    const { choices, issues } = choose({
      needs: [
        { sourceRegion: "__proto__", services: BEIJING_ESTATE },
        { sourceRegion: "constructor", services: BEIJING_ESTATE },
      ],
    });
    expect(choices).toEqual([]);
    expect(issues.map((i) => [i.code, i.sourceRegion])).toEqual([
      ["unknown-source-region", "__proto__"],
      ["unknown-source-region", "constructor"],
    ]);
  });

  it("refuses a missing input or catalogue without throwing", () => {
    expect(chooseTargetRegions(null as never)).toEqual({ choices: [], issues: [{ code: "invalid-input", sourceRegion: null, params: { field: "input" } }] });
    const noCatalogue = chooseTargetRegions({ catalogue: {} as never, constraints: { world: "either" }, needs: [{ sourceRegion: "eu-central-1", services: IOT_ESTATE }] });
    expect(noCatalogue).toEqual({ choices: [], issues: [{ code: "invalid-input", sourceRegion: null, params: { field: "catalogue" } }] });
  });

  it("reports needs that are not a list", () => {
    const result = chooseTargetRegions({ catalogue, constraints: { world: "either" }, needs: "eu-central-1" as never });
    expect(result).toEqual({ choices: [], issues: [{ code: "invalid-input", sourceRegion: null, params: { field: "needs" } }] });
  });
});

describe("chooseTargetRegions: determinism", () => {
  it("returns the same choices whatever the order of source regions and services", () => {
    const needs = [
      { sourceRegion: "eu-central-1", services: IOT_ESTATE },
      { sourceRegion: "cn-north-1", services: BEIJING_ESTATE },
      { sourceRegion: "ap-southeast-1", services: [{ kind: "AWS::Lambda::Function" }, { kind: "AWS::IoT::Thing" }] },
    ];
    const shuffled = [...needs].reverse().map((n) => ({ ...n, services: [...n.services].reverse() }));
    const a = choose({ needs, constraints: { world: "either", residency: [EU_DATA_IN_EEA] } });
    const b = choose({ needs: shuffled, constraints: { world: "either", residency: [EU_DATA_IN_EEA] } });
    expect(b).toEqual(a);
    expect(a.choices.map((c) => c.sourceRegion)).toEqual(["ap-southeast-1", "cn-north-1", "eu-central-1"]);
    expect(choose({ needs, constraints: { world: "either", residency: [EU_DATA_IN_EEA] } })).toEqual(a);
  });
});

import { describe, expect, it } from "vitest";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { AWS_REGIONS } from "@/lib/plans/known-regions";
import {
  ALIBABA_REGION_PLACES,
  AWS_REGION_GEOGRAPHY,
  listCountryAreas,
  readAlibabaRegionWorld,
  readAwsRegionWorld,
} from "@/lib/mapping/regions/region-geography";

describe("region geography", () => {
  it("maps the main AWS regions to their Alibaba counterparts", () => {
    expect(AWS_REGION_GEOGRAPHY["eu-central-1"]?.defaults[0]).toBe("eu-central-1");
    expect(AWS_REGION_GEOGRAPHY["us-east-1"]?.defaults[0]).toBe("us-east-1");
    expect(AWS_REGION_GEOGRAPHY["ap-southeast-1"]?.defaults[0]).toBe("ap-southeast-1");
    expect(AWS_REGION_GEOGRAPHY["ap-northeast-1"]?.defaults[0]).toBe("ap-northeast-1");
    expect(AWS_REGION_GEOGRAPHY["ap-east-1"]?.defaults[0]).toBe("cn-hongkong");
    expect(AWS_REGION_GEOGRAPHY["cn-north-1"]?.defaults[0]).toBe("cn-beijing");
  });

  it("knows every AWS region the plan pickers offer", () => {
    expect(AWS_REGIONS.filter((region) => !AWS_REGION_GEOGRAPHY[region])).toEqual([]);
  });

  it("defaults only to open Alibaba regions, without repeats, in the source's own account world", () => {
    for (const [source, geography] of Object.entries(AWS_REGION_GEOGRAPHY)) {
      expect(geography.defaults.length, source).toBeGreaterThan(0);
      expect(new Set(geography.defaults).size, source).toBe(geography.defaults.length);
      for (const region of geography.defaults) {
        expect(ALIBABA_REGION_PLACES[region], `${source} -> ${region}`).toBeDefined();
        expect(ALIBABA_REGION_PLACES[region]?.closed, `${source} -> ${region}`).toBeUndefined();
        expect(readAlibabaRegionWorld(region), `${source} -> ${region}`).toBe(readAwsRegionWorld(source));
      }
    }
  });

  it("keeps EU sources' first default inside the EU", () => {
    for (const [source, geography] of Object.entries(AWS_REGION_GEOGRAPHY)) {
      if (!listCountryAreas(geography.country).includes("EU")) continue;
      const first = ALIBABA_REGION_PLACES[geography.defaults[0] ?? ""];
      expect(listCountryAreas(first?.country ?? ""), source).toContain("EU");
    }
  });

  it("places every region the catalogue names", () => {
    const named = new Set<string>();
    for (const entry of readCurrentCatalogueSeed().entries) {
      for (const target of entry.targets) {
        for (const world of [target.availability.mainlandChina, target.availability.international]) {
          if (world.status === "regions") world.regions.forEach((region) => named.add(region));
        }
      }
    }
    expect([...named].filter((region) => !ALIBABA_REGION_PLACES[region])).toEqual([]);
  });

  it("lists a country's areas: EU members in EU and EEA, the UK in neither, China's mainland apart from Hong Kong", () => {
    expect(listCountryAreas("DE")).toEqual(["DE", "EU", "EEA"]);
    expect(listCountryAreas("NO")).toEqual(["NO", "EEA"]);
    expect(listCountryAreas("GB")).toEqual(["GB"]);
    expect(listCountryAreas("CN")).toEqual(["CN", "mainland-china"]);
    expect(listCountryAreas("HK")).toEqual(["HK"]);
  });

  it("puts AWS China regions and Alibaba cn-* regions (except Hong Kong) in the mainland world", () => {
    expect(readAwsRegionWorld("cn-northwest-1")).toBe("mainland-china");
    expect(readAwsRegionWorld("ap-east-1")).toBe("international");
    expect(readAlibabaRegionWorld("cn-shenzhen")).toBe("mainland-china");
    expect(readAlibabaRegionWorld("cn-hongkong")).toBe("international");
  });
});

import { describe, expect, it } from "vitest";
import type { CatalogueTarget } from "@/lib/catalogue/catalogue-types";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { readTargetAvailability } from "@/lib/mapping/regions/read-target-availability";

const catalogue = readCurrentCatalogueSeed();

function target(kind: string, name: string): CatalogueTarget {
  const found = catalogue.entries.find((e) => e.kind === kind)?.targets.find((t) => t.name === name);
  if (!found) throw new Error(`test catalogue lacks ${kind} ${name}`);
  return found;
}

function withAvailability(availability: CatalogueTarget["availability"]): CatalogueTarget {
  return { ...target("AWS::IoT::Thing", "IoT Platform (Enterprise instance)"), availability };
}

describe("readTargetAvailability", () => {
  it("reads IoT Platform's Enterprise instance as offered in Frankfurt and Beijing, not in London or Hangzhou", () => {
    const iot = target("AWS::IoT::Thing", "IoT Platform (Enterprise instance)");
    expect(readTargetAvailability(iot, "eu-central-1")).toBe("offered");
    expect(readTargetAvailability(iot, "cn-beijing")).toBe("offered");
    expect(readTargetAvailability(iot, "eu-west-1")).toBe("not-offered");
    expect(readTargetAvailability(iot, "cn-hangzhou")).toBe("not-offered");
  });

  it("reads a world marked none as not offered (X.509 certificates outside mainland China)", () => {
    const x509 = target("AWS::IoT::Certificate", "X.509 device certificate (IoT Platform)");
    expect(readTargetAvailability(x509, "cn-shanghai")).toBe("offered");
    expect(readTargetAvailability(x509, "eu-central-1")).toBe("not-offered");
  });

  it("never reads a list cut short as offered for a region it leaves out", () => {
    const fc = target("AWS::Lambda::Function", "Function Compute");
    expect(readTargetAvailability(fc, "ap-southeast-1")).toBe("offered");
    expect(readTargetAvailability(fc, "eu-central-1")).toBe("incomplete");
  });

  it("reads an unverified world as unknown", () => {
    expect(readTargetAvailability(target("AWS::S3::Bucket", "Object Storage Service (OSS)"), "eu-central-1")).toBe("unknown");
  });

  it("reads Hong Kong from the international list, not the mainland one", () => {
    const hongKongOnly = withAvailability({
      mainlandChina: { status: "regions", regions: ["cn-shanghai"] },
      international: { status: "regions", regions: ["cn-hongkong"] },
    });
    expect(readTargetAvailability(hongKongOnly, "cn-hongkong")).toBe("offered");
    const mainlandOnly = withAvailability({
      mainlandChina: { status: "regions", regions: ["cn-shanghai"] },
      international: { status: "none" },
    });
    expect(readTargetAvailability(mainlandOnly, "cn-hongkong")).toBe("not-offered");
    expect(readTargetAvailability(mainlandOnly, "cn-beijing")).toBe("not-offered");
  });
});

import { describe, expect, it } from "vitest";
import type { CatalogueTarget } from "@/lib/catalogue/catalogue-types";
import { checkTargetRegion } from "@/lib/mapping/map-scan/check-target-region";

type Availability = CatalogueTarget["availability"];
const listed: Availability = {
  mainlandChina: { status: "regions", regions: ["cn-shanghai", "cn-beijing"] },
  international: { status: "regions", regions: ["eu-central-1"], incomplete: true },
};

describe("checkTargetRegion", () => {
  it("finds a listed region in its own world", () => {
    expect(checkTargetRegion(listed, "cn-beijing", "X").status).toBe("available");
    expect(checkTargetRegion(listed, "eu-central-1", "X").status).toBe("available");
  });

  it("refuses an unlisted region of a complete list, naming the regions offered", () => {
    const check = checkTargetRegion(listed, "cn-shenzhen", "X");
    expect(check.status).toBe("unavailable");
    expect(check.message).toContain("cn-shanghai, cn-beijing");
  });

  it("does not guess from a list cut short or an unverified world", () => {
    expect(checkTargetRegion(listed, "ap-southeast-1", "X").status).toBe("unknown");
    const unverified: Availability = { mainlandChina: { status: "unknown" }, international: { status: "none", note: "Only in Shanghai." } };
    expect(checkTargetRegion(unverified, "cn-hangzhou", "X").status).toBe("unknown");
    expect(checkTargetRegion(unverified, "us-east-1", "X")).toEqual({ status: "unavailable", message: "X is not offered on the international site, so not in us-east-1: Only in Shanghai." });
  });

  it("treats Hong Kong as international and a missing region as unknown", () => {
    const mainlandOnly: Availability = { mainlandChina: { status: "regions", regions: ["cn-shanghai"] }, international: { status: "none" } };
    expect(checkTargetRegion(mainlandOnly, "cn-hongkong", "X").status).toBe("unavailable");
    expect(checkTargetRegion(mainlandOnly, null, "X").status).toBe("unknown");
    expect(checkTargetRegion(mainlandOnly, "", "X").status).toBe("unknown");
  });
});

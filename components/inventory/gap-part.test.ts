import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { collectorRegistry } from "@/lib/aws/collector-registry";
import { gapPart } from "@/components/inventory/gap-part";

describe("gapPart", () => {
  it("names the part each operation reads", () => {
    expect(gapPart("ListTagsForResource")).toBe("tags");
    expect(gapPart("ListTagsOfResource")).toBe("tags");
    expect(gapPart("GetBucketTagging")).toBe("tags");
    expect(gapPart("ListThingsInThingGroup")).toBe("members");
    expect(gapPart("ListThingPrincipals")).toBe("principals");
    expect(gapPart("DescribeThingGroup")).toBe("details");
  });

  it("has a name in both languages for the part of every operation a collector calls", () => {
    const parts = new Set(Object.values(collectorRegistry).flatMap((c) => c.apis.map((api) => gapPart(api.operation))));
    for (const part of parts) {
      expect(en.inventory.resource.gapPart, part).toHaveProperty(part);
      expect(zh.inventory.resource.gapPart, part).toHaveProperty(part);
    }
  });
});

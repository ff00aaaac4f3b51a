import { describe, expect, it } from "vitest";
import { withoutVolatile } from "@/lib/inventory/volatile-fields";
import { contentHash } from "@/lib/inventory/store-batch";

describe("volatile fields", () => {
  it("are left out of the content hash, wherever they sit", () => {
    const a = { trail: { Name: "t" }, status: { IsLogging: true, LatestDeliveryTime: "2026-01-01T00:00:00Z" } };
    const b = { trail: { Name: "t" }, status: { IsLogging: true, LatestDeliveryTime: "2026-01-02T00:00:00Z" } };
    const hash = (raw: unknown) => contentHash({ kind: "AWS::CloudTrail::Trail", name: "t", tagsJson: "{}", rawJson: JSON.stringify(withoutVolatile("AWS::CloudTrail::Trail", raw)) });
    expect(hash(a)).toBe(hash(b));
    expect(hash(a)).not.toBe(hash({ ...a, status: { ...a.status, IsLogging: false } }));
  });

  it("leave other kinds untouched", () => {
    const raw = { LatestDeliveryTime: 1 };
    expect(withoutVolatile("AWS::IoT::Thing", raw)).toBe(raw);
  });
});

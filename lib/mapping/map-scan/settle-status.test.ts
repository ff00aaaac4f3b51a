import { describe, expect, it } from "vitest";
import { settleStatus } from "@/lib/mapping/map-scan/settle-status";

describe("settleStatus", () => {
  it("keeps the most severe status whatever the order", () => {
    expect(settleStatus("mapped", "decision")).toBe("decision");
    expect(settleStatus("decision", "mapped")).toBe("decision");
    expect(settleStatus("decision", "blocked")).toBe("blocked");
    expect(settleStatus("blocked", "none")).toBe("blocked");
    expect(settleStatus("none", "decision")).toBe("none");
    expect(settleStatus("mapped", "mapped")).toBe("mapped");
  });
});

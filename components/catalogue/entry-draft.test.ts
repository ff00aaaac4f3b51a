import { describe, expect, it } from "vitest";
import { applyDraft, draftOf, issuesUnder, validateEntry } from "@/components/catalogue/entry-draft";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";

const entry = readCurrentCatalogueSeed().entries.find((e) => e.kind === "AWS::IoT::Thing")!;

describe("the catalogue editor's draft", () => {
  it("round-trips an entry unchanged", () => {
    const result = validateEntry(applyDraft(entry, draftOf(entry)));
    expect(result).toEqual({ ok: true, entry });
  });

  it("applies the common fields and reads gaps one per line", () => {
    const draft = draftOf(entry);
    draft.targets[0]!.fit = "none";
    draft.targets[0]!.gaps = "a-gap: First gap\n\n  other.gap :  Second: with a colon ";
    const result = validateEntry(applyDraft(entry, draft));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.entry.targets[0]!.fit).toBe("none");
      expect(result.entry.targets[0]!.gaps).toEqual([
        { key: "a-gap", text: "First gap" },
        { key: "other.gap", text: "Second: with a colon" },
      ]);
    }
  });

  it("reports each problem at its field", () => {
    const draft = draftOf(entry);
    draft.targets[0]!.differs = "  ";
    draft.targets[1]!.rank = "1";
    draft.targets[0]!.gaps = "Bad Key: text\nno-text";
    const result = validateEntry(applyDraft(entry, draft));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(issuesUnder(result.issues, "targets.0.differs")).toEqual(["must not be empty"]);
    expect(result.issues.targets).toMatch(/ranks must run/);
    const gaps = issuesUnder(result.issues, "targets.0.gaps");
    expect(gaps.some((m) => m.startsWith("0.key:"))).toBe(true);
    expect(gaps.some((m) => m.startsWith("1.text:"))).toBe(true);
  });
});

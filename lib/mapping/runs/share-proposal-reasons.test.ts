import { describe, expect, it } from "vitest";
import { shareProposalReasons } from "@/lib/mapping/runs/share-proposal-reasons";

const r = (code: string) => ({ code, message: `${code} message` });

describe("shareProposalReasons", () => {
  it("stores a tail of reason objects several proposals hold once, and gives every list back in order", () => {
    const fit = r("partial-fit");
    const gap = r("gap.qos2");
    const caveat = r("caveat");
    const lists = [[r("own-1"), fit, gap, caveat], [fit, gap, caveat], [r("own-2"), r("own-3")], [caveat], [gap, caveat]];
    const { split, sets } = shareProposalReasons(lists);
    expect(split.map((s) => s.set)).toEqual([split[0]!.set, split[0]!.set, null, null, expect.any(String)]);
    expect(split[4]!.set).not.toBe(split[0]!.set);
    expect(Object.keys(sets)).toHaveLength(2);
    lists.forEach((list, i) => {
      const s = split[i]!;
      expect([...s.own, ...(s.set ? sets[s.set]! : [])]).toEqual(list);
    });
    expect(split[0]!.own.map((x) => x.code)).toEqual(["own-1"]);
  });

  it("shares by identity, not by equal text: equal reasons built apart stay each proposal's own", () => {
    const { split, sets } = shareProposalReasons([[r("a"), r("b")], [r("a"), r("b")]]);
    expect(split.every((s) => s.set === null && s.own.length === 2)).toBe(true);
    expect(sets).toEqual({});
  });
});

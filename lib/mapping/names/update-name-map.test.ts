import { describe, expect, it } from "vitest";
import { MAX_NAME_ATTEMPTS } from "@/lib/mapping/names/fit-name";
import { hashNameSuffix } from "@/lib/mapping/names/hash-name-suffix";
import type { NameMapState } from "@/lib/mapping/names/name-types";
import { updateNameMap } from "@/lib/mapping/names/update-name-map";
import { validateDeviceName } from "@/lib/mapping/names/validate-device-name";
import { validateProductName } from "@/lib/mapping/names/validate-product-name";

const names = (state: NameMapState) => Object.fromEntries(state.active.map((p) => [p.original, p.name]));

describe("updateNameMap", () => {
  it("fits every original on the first run, sorted by original, with the reasons", () => {
    const update = updateNameMap({ kind: "product", originals: ["thermo-v2", "Gateway", "abc"] });
    expect(update.entries).toEqual([
      { original: "Gateway", name: "Gateway", changed: false, reasons: [], status: "added" },
      { original: "abc", name: "abc_0", changed: true, reasons: ["padded"], status: "added" },
      { original: "thermo-v2", name: "thermo_v2", changed: true, reasons: ["rewrote-characters"], status: "added" },
    ]);
    expect(update.state).toEqual({
      kind: "product",
      active: [
        { original: "Gateway", name: "Gateway" },
        { original: "abc", name: "abc_0", reasons: ["padded"] },
        { original: "thermo-v2", name: "thermo_v2", reasons: ["rewrote-characters"] },
      ],
      retired: [],
    });
    expect(update.removed).toEqual([]);
    expect(update.errors).toEqual([]);
  });

  it("gives a_b to the original that is valid as it is, whatever the order, and a suffix to a-b and a:b", () => {
    const one = updateNameMap({ kind: "product", originals: ["ab-cd", "ab:cd", "ab_cd"] });
    const other = updateNameMap({ kind: "product", originals: ["ab_cd", "ab:cd", "ab-cd"] });
    expect(one).toEqual(other);
    const map = names(one.state);
    expect(map["ab_cd"]).toBe("ab_cd");
    expect(map["ab-cd"]).toMatch(/^ab_cd_[0-9a-z]{6}$/);
    expect(map["ab:cd"]).toMatch(/^ab_cd_[0-9a-z]{6}$/);
    expect(map["ab-cd"]).not.toBe(map["ab:cd"]);
  });

  it("without a valid original, gives the plain name to the first in code-unit order", () => {
    const map = names(updateNameMap({ kind: "product", originals: ["ab:cd", "ab-cd"] }).state);
    expect(map["ab-cd"]).toBe("ab_cd"); // "-" (0x2d) sorts before ":" (0x3a)
    expect(map["ab:cd"]).toMatch(/^ab_cd_[0-9a-z]{6}$/);
  });

  it("keeps every name across runs, even when a newcomer would have had it", () => {
    const first = updateNameMap({ kind: "product", originals: ["ab:cd"] });
    expect(names(first.state)["ab:cd"]).toBe("ab_cd");
    const second = updateNameMap({ kind: "product", previous: first.state, originals: ["ab:cd", "ab_cd", "ab-cd"] });
    const map = names(second.state);
    expect(map["ab:cd"]).toBe("ab_cd");
    expect(map["ab_cd"]).toMatch(/^ab_cd_[0-9a-z]{6}$/);
    expect(second.entries.find((e) => e.original === "ab:cd")).toMatchObject({ status: "kept", reasons: ["rewrote-characters"] });
    expect(second.entries.find((e) => e.original === "ab_cd")).toMatchObject({ status: "added", reasons: ["deduplicated"] });
    // and a third run with nothing new changes nothing
    const third = updateNameMap({ kind: "product", previous: second.state, originals: ["ab-cd", "ab_cd", "ab:cd"] });
    expect(third.state).toEqual(second.state);
    expect(third.entries.every((e) => e.status === "kept")).toBe(true);
  });

  it("keeps the stored reasons of a kept name, and reads stored reasons defensively", () => {
    const previous = {
      active: [
        { original: "a-bcd", name: "a_bcd", reasons: ["rewrote-characters"] },
        { original: "x:y", name: "x_y_0", reasons: ["not-a-reason"] },
        { original: "q:r", name: "q_r_0", reasons: "padded" },
      ],
    };
    const update = updateNameMap({ kind: "product", previous, originals: ["a-bcd", "x:y", "q:r"] });
    expect(update.entries.map((e) => [e.original, e.reasons])).toEqual([
      ["a-bcd", ["rewrote-characters"]],
      ["q:r", ["rewrote-characters", "padded"]],
      ["x:y", ["rewrote-characters", "padded"]],
    ]);
    expect(update.errors).toEqual([]);
  });

  it("says a kept name without stored reasons was made unique when it differs from a fresh fit", () => {
    const first = updateNameMap({ kind: "product", originals: ["ab_cd", "ab-cd"] });
    const previous = { active: first.state.active.map(({ original, name }) => ({ original, name })) };
    const second = updateNameMap({ kind: "product", previous, originals: ["ab-cd"] });
    expect(second.entries).toEqual([
      expect.objectContaining({ original: "ab-cd", status: "kept", reasons: ["rewrote-characters", "deduplicated"] }),
    ]);
  });

  it("reports originals that disappeared and keeps their names from anyone else, then restores them", () => {
    const first = updateNameMap({ kind: "device", originals: ["pump-1", "pump 2"] });
    expect(names(first.state)).toEqual({ "pump 2": "pump_2", "pump-1": "pump-1" });
    const second = updateNameMap({ kind: "device", previous: first.state, originals: ["pump-1", "pump/2"] });
    expect(second.removed).toEqual([{ original: "pump 2", name: "pump_2" }]);
    expect(second.state.retired).toEqual([{ original: "pump 2", name: "pump_2", reasons: ["rewrote-characters"] }]);
    expect(names(second.state)["pump/2"]).toMatch(/^pump_2_[0-9a-z]{6}$/);
    const third = updateNameMap({ kind: "device", previous: second.state, originals: ["pump-1", "pump/2", "pump 2"] });
    expect(third.entries.find((e) => e.original === "pump 2")).toMatchObject({ name: "pump_2", status: "restored" });
    expect(third.state.retired).toEqual([]);
    expect(third.removed).toEqual([]);
  });

  it("reports a removal once: a name that stays retired is not reported again", () => {
    const first = updateNameMap({ kind: "rule", originals: ["a", "b"] });
    const second = updateNameMap({ kind: "rule", previous: first.state, originals: ["a"] });
    const third = updateNameMap({ kind: "rule", previous: second.state, originals: ["a"] });
    expect(second.removed).toEqual([{ original: "b", name: "b" }]);
    expect(third.removed).toEqual([]);
    expect(third.state.retired).toEqual([{ original: "b", name: "b" }]);
  });

  it("gives AWS things that differ only in case distinct names, whatever the order", () => {
    const one = updateNameMap({ kind: "device", originals: ["pump-01", "Pump-01", "PUMP-01"] });
    const other = updateNameMap({ kind: "device", originals: ["PUMP-01", "pump-01", "Pump-01"] });
    expect(one.state).toEqual(other.state);
    const map = names(one.state);
    expect(map["PUMP-01"]).toBe("PUMP-01"); // first in code-unit order
    expect(map["Pump-01"]).toMatch(/^Pump-01_[0-9a-z]{6}$/);
    expect(map["pump-01"]).toMatch(/^pump-01_[0-9a-z]{6}$/);
  });

  it("keeps new names clear of reserved ones, case-insensitively", () => {
    const update = updateNameMap({ kind: "product", originals: ["Sensor"], reserved: ["sensor"] });
    expect(names(update.state)["Sensor"]).toMatch(/^Sensor_[0-9a-z]{6}$/);
  });

  it("fits again a previous name that is no longer valid or that two originals share", () => {
    const previous = {
      active: [
        { original: "x-1", name: "x-1" }, // a product name may not hold "-"
        { original: "b-cd", name: "shared" },
        { original: "a-cd", name: "Shared" },
      ],
    };
    const update = updateNameMap({ kind: "product", previous, originals: ["x-1", "a-cd", "b-cd"] });
    expect(update.entries).toEqual([
      expect.objectContaining({ original: "a-cd", name: "Shared", status: "kept" }),
      expect.objectContaining({ original: "b-cd", name: "b_cd", status: "refitted", problem: "previous-name-duplicated", previousName: "shared" }),
      expect.objectContaining({ original: "x-1", name: "x_1_0", status: "refitted", problem: "previous-name-invalid", previousName: "x-1" }),
    ]);
  });

  it("reports malformed items one by one and maps the rest", () => {
    const previous = {
      active: [{ original: "ok-1", name: "ok_1" }, { original: 5, name: "x" }, null, { original: "ok-1", name: "other" }],
      retired: "not a list",
    };
    const update = updateNameMap({ kind: "product", previous, originals: ["ok-1", 42, null, "new:one", "new:one"] });
    expect(update.entries.map((e) => [e.original, e.name, e.status])).toEqual([
      ["new:one", "new_one", "added"],
      ["ok-1", "ok_1", "kept"],
    ]);
    expect(update.errors.map((e) => [e.at, e.code])).toEqual([
      ["originals[1]", "not-a-string"],
      ["originals[2]", "not-a-string"],
      ["previous.active[1]", "malformed-pair"],
      ["previous.active[2]", "malformed-pair"],
      ['previous.active: "ok-1"', "duplicate-original"],
      ["previous.retired", "malformed-pair"],
    ]);
    expect(update.errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it("drops a retired name that is invalid or held by another, and says so", () => {
    const previous = {
      active: [{ original: "keep", name: "held" }],
      retired: [
        { original: "gone-1", name: "bad name" },
        { original: "gone-2", name: "HELD" },
      ],
    };
    const update = updateNameMap({ kind: "device", previous, originals: ["keep"] });
    expect(update.state.retired).toEqual([]);
    expect(update.errors.map((e) => e.code)).toEqual(["invalid-previous-name", "duplicate-name"]);
  });

  it("reports an original for which no free name is left, and maps the others", () => {
    // Every name "ab:cd" could be given is reserved: the plain one and all its suffixed ones.
    const reserved = ["ab_cd", ...Array.from({ length: MAX_NAME_ATTEMPTS }, (_, k) => `ab_cd_${hashNameSuffix("ab:cd", k)}`)];
    const update = updateNameMap({ kind: "product", originals: ["ab:cd", "other"], reserved });
    expect(update.entries.map((e) => e.original)).toEqual(["other"]);
    expect(update.state.active.map((p) => p.original)).toEqual(["other"]);
    expect(update.errors).toEqual([
      { at: 'originals: "ab:cd"', code: "no-free-name", message: expect.stringContaining("No free product name derived from \"ab:cd\"") },
    ]);
  });

  it("reports originals that are not a list and keeps the previous names as retired", () => {
    const update = updateNameMap({ kind: "rule", previous: { active: [{ original: "r1", name: "r1" }] }, originals: "r1" as never });
    expect(update.errors.map((e) => e.code)).toEqual(["not-a-list"]);
    expect(update.state.retired).toEqual([{ original: "r1", name: "r1" }]);
  });

  it("refuses an unknown kind of name with a clear error", () => {
    expect(() => updateNameMap({ kind: "thing" as never, originals: [] })).toThrow('Unknown kind of name: "thing"');
    expect(() => updateNameMap({ kind: "__proto__" as never, originals: [] })).toThrow("Unknown kind of name");
  });

  it("handles originals that are names of object properties", () => {
    const update = updateNameMap({ kind: "device", originals: ["__proto__", "constructor", "toString"] });
    expect(update.state.active).toEqual([
      { original: "__proto__", name: "__proto__" },
      { original: "constructor", name: "constructor" },
      { original: "toString", name: "toString" },
    ]);
    const again = updateNameMap({ kind: "device", previous: update.state, originals: ["__proto__", "constructor"] });
    expect(again.entries.map((e) => e.status)).toEqual(["kept", "kept"]);
    expect(again.removed).toEqual([{ original: "toString", name: "toString" }]);
  });

  it("gives 10,000 things of one product unique, valid names, and the same names on a re-run in another order", () => {
    const originals: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      // long AWS names that all cut to the same 32 characters, plus a few that differ only in refused characters
      originals.push(i % 10 === 0 ? `plant:${i}` : `factory-shanghai-line-07:sensor-temperature-${i}`);
    }
    const first = updateNameMap({ kind: "device", originals });
    const fitted = first.state.active.map((p) => p.name);
    expect(new Set(fitted.map((n) => n.toLowerCase())).size).toBe(10_000);
    expect(fitted.every((n) => validateDeviceName(n).valid)).toBe(true);
    expect(first.entries).toHaveLength(10_000);

    const shuffled = [...originals].reverse();
    const fresh = updateNameMap({ kind: "device", originals: shuffled });
    expect(fresh.state).toEqual(first.state);
    const rerun = updateNameMap({ kind: "device", previous: first.state, originals: shuffled });
    expect(rerun.state).toEqual(first.state);
  });

  it("gives 10,000 product names that differ only in - and : unique, valid names", () => {
    const originals = Array.from({ length: 10_000 }, (_, i) => `t${i % 100}${i % 2 ? "-" : ":"}${Math.floor(i / 100)}`);
    const update = updateNameMap({ kind: "product", originals: [...originals, ...originals.slice(0, 50)] });
    expect(update.entries).toHaveLength(10_000);
    expect(new Set(update.entries.map((e) => e.name.toLowerCase())).size).toBe(10_000);
    expect(update.entries.every((e) => validateProductName(e.name).valid)).toBe(true);
  });
});

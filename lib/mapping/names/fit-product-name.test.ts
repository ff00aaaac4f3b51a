import { describe, expect, it } from "vitest";
import { fitProductName } from "@/lib/mapping/names/fit-product-name";
import { validateProductName } from "@/lib/mapping/names/validate-product-name";

const CN = "温"; // one Chinese character, counted as two
const takenBy = (...names: string[]) => {
  const set = new Set(names.map((n) => n.toLowerCase()));
  return { isTaken: (n: string) => set.has(n.toLowerCase()) };
};

describe("fitProductName", () => {
  it("keeps a valid name unchanged", () => {
    expect(fitProductName("TemperatureSensor_v2")).toEqual({ name: "TemperatureSensor_v2", original: "TemperatureSensor_v2", changed: false, reasons: [] });
  });

  it("rewrites the - and : that AWS thing-type names allow, one _ per run of refused characters", () => {
    const fitted = fitProductName("acme:sensor--v2");
    expect(fitted).toMatchObject({ name: "acme_sensor_v2", changed: true, reasons: ["rewrote-characters"] });
    expect(fitProductName("a-_-b_c").name).toBe("a_b_c");
    expect(fitProductName("-edge-sensor:").name).toBe("edge_sensor");
  });

  it("keeps the underscores of the original, even doubled, when nothing else changes", () => {
    expect(fitProductName("my__type").name).toBe("my__type");
  });

  it("pads 3 characters to 4, keeps 4 and 30, shortens 31 to 30 keeping the start and the end", () => {
    const three = fitProductName("abc");
    expect(three).toMatchObject({ name: "abc_0", reasons: ["padded"] });
    expect(fitProductName("a").name).toBe("a_00");
    expect(fitProductName("ab_").name).toBe("ab_0");
    expect(fitProductName("abcd")).toMatchObject({ name: "abcd", changed: false });
    const thirty = "t".repeat(30);
    expect(fitProductName(thirty)).toMatchObject({ name: thirty, changed: false });
    const cut = fitProductName("t".repeat(29) + "uv");
    expect(cut).toMatchObject({ name: "t".repeat(20) + "_" + "t".repeat(7) + "uv", reasons: ["truncated"] });
    expect(validateProductName(cut.name).valid).toBe(true);
  });

  it("keeps what tells long AWS names apart: their end", () => {
    const a = fitProductName("acme_industrial_temperature_sensor_0042");
    const b = fitProductName("acme_industrial_temperature_sensor_0043");
    expect(a.name).toBe("acme_industrial_temp_nsor_0042");
    expect(b.name).toBe("acme_industrial_temp_nsor_0043");
  });

  it("does not leave a doubled underscore where the cut fell", () => {
    expect(fitProductName("a".repeat(19) + "_" + "b".repeat(20)).name).toBe("a".repeat(19) + "_" + "b".repeat(9));
    expect(fitProductName("a".repeat(20) + "_" + "b".repeat(20)).name).toBe("a".repeat(20) + "_" + "b".repeat(9));
  });

  it("falls back to a plain cut when start and end would leave too little", () => {
    const fitted = fitProductName("_".repeat(40));
    expect(fitted.name).toBe("____");
    expect(validateProductName(fitted.name).valid).toBe(true);
  });

  it("counts a Chinese character as two: 15 fit exactly, a 16th is too many, and a cut never splits the count", () => {
    expect(fitProductName(CN.repeat(15))).toMatchObject({ name: CN.repeat(15), changed: false });
    const sixteen = fitProductName(CN.repeat(16));
    expect(sixteen).toMatchObject({ name: CN.repeat(10) + "_" + CN.repeat(4), reasons: ["truncated"] });
    expect(validateProductName(sixteen.name)).toMatchObject({ valid: true, length: 29 });
    // 1 + 15 x 2 = 31: the start holds 20, so "a" and 9 Chinese characters (19), half of a 10th cannot be kept
    expect(fitProductName("a" + CN.repeat(15)).name).toBe("a" + CN.repeat(9) + "_" + CN.repeat(4));
    // one Chinese character is two, so two of them are already 4
    expect(fitProductName("温度")).toMatchObject({ name: "温度", changed: false });
    expect(fitProductName("温").name).toBe("温_0");
  });

  it("replaces emoji and other surrogate pairs whole, never leaving half a pair", () => {
    const fitted = fitProductName("sensor😀🌡️probe");
    expect(fitted.name).toBe("sensor_probe");
    const long = fitProductName("x".repeat(28) + "😀😀😀");
    expect(long.name).toBe("x".repeat(28));
    expect(fitProductName("ab\uD800cd").name).toBe("ab_cd");
  });

  it("takes accepted equivalents of full-width and accented letters", () => {
    expect(fitProductName("Ｓｅｎｓｏｒ１").name).toBe("Sensor1");
    expect(fitProductName("capteur_été").name).toBe("capteur_ete");
  });

  it("generates a name from the kind and the original when nothing can be kept", () => {
    const empty = fitProductName("");
    expect(empty.name).toMatch(/^product_[0-9a-z]{6}$/);
    expect(empty.reasons).toEqual(["generated"]);
    const refused = fitProductName("--::--");
    expect(refused.name).toMatch(/^product_[0-9a-z]{6}$/);
    expect(refused.reasons).toEqual(["rewrote-characters", "generated"]);
    expect(refused.name).not.toBe(fitProductName("::--::").name);
    expect(validateProductName(refused.name).valid).toBe(true);
  });

  it("makes a-b and a:b unique: both rewrite to a_b, the second gets a suffix from its original", () => {
    const first = fitProductName("acme-b");
    const second = fitProductName("acme:b", takenBy(first.name));
    expect(first.name).toBe("acme_b");
    expect(second.name).toMatch(/^acme_b_[0-9a-z]{6}$/);
    expect(second.reasons).toEqual(["rewrote-characters", "deduplicated"]);
    // the suffix comes from the original alone, whatever else is taken
    expect(fitProductName("acme:b", takenBy("acme_b", "zzzz", "other_name")).name).toBe(second.name);
  });

  it("treats names that differ only in case as colliding", () => {
    expect(fitProductName("Sensor", takenBy("sensor")).name).toMatch(/^Sensor_[0-9a-z]{6}$/);
  });

  it("cuts a long name to make room for the suffix and stays within 30", () => {
    const long = "lorem_ipsum_dolor_sit_amet_consectetur";
    const first = fitProductName(long);
    const second = fitProductName(long.replace(/_/g, "-"), takenBy(first.name));
    expect(second.reasons).toEqual(["rewrote-characters", "truncated", "deduplicated"]);
    expect(validateProductName(second.name).valid).toBe(true);
    expect(second.name).toMatch(/^lorem_ipsum_dol_ectetur_[0-9a-z]{6}$/);
    expect(fitProductName(CN.repeat(15), takenBy(CN.repeat(15))).name).toMatch(new RegExp(`^${CN}{7}_${CN}{3}_[0-9a-z]{6}$`));
  });

  it("makes a short name unique with the suffix instead of the padding", () => {
    expect(fitProductName("abc").name).toBe("abc_0");
    const second = fitProductName("abc", takenBy("abc_0"));
    expect(second.name).toMatch(/^abc_[0-9a-z]{6}$/);
    expect(second.reasons).toEqual(["deduplicated"]);
    expect(fitProductName("a:b", takenBy("a_b_0")).reasons).toEqual(["rewrote-characters", "deduplicated"]);
  });

  it("fits a name of 200,000 characters", () => {
    const fitted = fitProductName("sensor-".repeat(30_000) + "end");
    expect(validateProductName(fitted.name).valid).toBe(true);
    expect(fitted.name.endsWith("_end")).toBe(true);
  });

  it("tries a further suffix when the first one is taken too", () => {
    const first = fitProductName("acme:b", takenBy("acme_b"));
    const second = fitProductName("acme:b", takenBy("acme_b", first.name));
    expect(second.name).not.toBe(first.name);
    expect(second.name).toMatch(/^acme_b_[0-9a-z]{6}$/);
  });

  it("gives the same output for the same input", () => {
    for (const original of ["a:b", "", "温度-传感器", "x".repeat(50), "😀"]) {
      expect(fitProductName(original)).toEqual(fitProductName(original));
    }
  });

  it("refuses an original that is not a string with a clear error", () => {
    expect(() => fitProductName(42 as unknown as string)).toThrow("A product name must be a string, got number");
    expect(() => fitProductName(null as unknown as string)).toThrow("got null");
  });
});

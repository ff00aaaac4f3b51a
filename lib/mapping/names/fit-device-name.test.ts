import { describe, expect, it } from "vitest";
import { fitDeviceName } from "@/lib/mapping/names/fit-device-name";
import { validateDeviceName } from "@/lib/mapping/names/validate-device-name";

/** No lone surrogate: with the u flag a pair is one code point, outside this range. */
const isWellFormed = (s: string) => !/[\uD800-\uDFFF]/u.test(s);

describe("fitDeviceName", () => {
  it("keeps an AWS thing name that already fits, with its - _ @ . : characters", () => {
    for (const name of ["sensor-001", "a:b:c", "gw@site.local", "x_y-z.1:2"]) {
      expect(fitDeviceName(name)).toEqual({ name, original: name, changed: false, reasons: [] });
    }
  });

  it("pads 3 characters to 4, keeps 4 and 32, shortens 33 to 32", () => {
    expect(fitDeviceName("abc")).toMatchObject({ name: "abc_0", reasons: ["padded"] });
    expect(fitDeviceName("ab-")).toMatchObject({ name: "ab-_0" });
    expect(fitDeviceName("abcd").changed).toBe(false);
    const max = "d".repeat(32);
    expect(fitDeviceName(max).changed).toBe(false);
    expect(fitDeviceName(max + "e")).toMatchObject({ name: "d".repeat(21) + "_" + "d".repeat(9) + "e", reasons: ["truncated"] });
    // AWS allows 128 characters
    const aws = "plant-7:line-3:" + "x".repeat(113);
    const fitted = fitDeviceName(aws);
    expect(fitted.name).toBe("plant-7:line-3:xxxxxx_" + "x".repeat(10));
    expect(validateDeviceName(fitted.name).valid).toBe(true);
  });

  it("counts a character as one and refuses Chinese, which device names do not accept", () => {
    expect(fitDeviceName("温度传感器-01")).toMatchObject({ name: "-01_0", reasons: ["rewrote-characters", "padded"] });
    expect(fitDeviceName("sensor温度01").name).toBe("sensor_01");
  });

  it("rewrites spaces, slashes and emoji, never leaving half a surrogate pair", () => {
    expect(fitDeviceName("room 12/door 😀 a").name).toBe("room_12_door_a");
    const cut = fitDeviceName("z".repeat(31) + "😀😀");
    expect(cut.name).toBe("z".repeat(31));
    expect(isWellFormed(cut.name)).toBe(true);
  });

  it("generates a name when nothing can be kept", () => {
    expect(fitDeviceName("").name).toMatch(/^device_[0-9a-z]{6}$/);
    expect(fitDeviceName("😀😀😀😀").name).toMatch(/^device_[0-9a-z]{6}$/);
    expect(fitDeviceName("!!!!")).toMatchObject({ reasons: ["rewrote-characters", "generated"] });
  });

  it("makes a collision unique within 32 characters", () => {
    const name = "y".repeat(32);
    const set = new Set([name]);
    const fitted = fitDeviceName(name, { isTaken: (n) => set.has(n) });
    expect(fitted.name).toMatch(/^y{16}_y{8}_[0-9a-z]{6}$/);
    expect(fitted.reasons).toEqual(["truncated", "deduplicated"]);
  });
});

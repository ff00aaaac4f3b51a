import { describe, expect, it } from "vitest";
import { fitDeviceNickname } from "@/lib/mapping/names/fit-device-nickname";
import { validateDeviceNickname } from "@/lib/mapping/names/validate-device-nickname";

describe("fitDeviceNickname", () => {
  it("rewrites the - and : of an AWS thing name, which a Nickname refuses", () => {
    expect(fitDeviceNickname("plant-7:pump-12")).toMatchObject({ name: "plant_7_pump_12", reasons: ["rewrote-characters"] });
    expect(fitDeviceNickname("gw@site.eu").name).toBe("gw_site_eu");
    expect(fitDeviceNickname("园区灯").changed).toBe(false);
  });

  it("pads 3 characters to 4, keeps 4 and 64, shortens 65 to 64", () => {
    expect(fitDeviceNickname("abc").name).toBe("abc_0");
    expect(fitDeviceNickname("abcd").changed).toBe(false);
    expect(fitDeviceNickname("n".repeat(64)).changed).toBe(false);
    const over = fitDeviceNickname("n".repeat(65));
    expect(over.reasons).toEqual(["truncated"]);
    expect(validateDeviceNickname(over.name)).toMatchObject({ valid: true, length: 64 });
  });

  it("counts a Chinese character as two: 32 fit, a 33rd is too many", () => {
    expect(fitDeviceNickname("灯".repeat(32)).changed).toBe(false);
    const over = fitDeviceNickname("灯".repeat(33));
    expect(over.reasons).toEqual(["truncated"]);
    expect(validateDeviceNickname(over.name).valid).toBe(true);
  });

  it("fits AWS's longest thing names (128 characters)", () => {
    const fitted = fitDeviceNickname("site-01:" + "x".repeat(116) + "-end");
    expect(validateDeviceNickname(fitted.name).valid).toBe(true);
    expect(fitted.name.startsWith("site_01_")).toBe(true);
    expect(fitted.name.endsWith("_end")).toBe(true);
  });
});

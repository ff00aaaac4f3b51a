import { describe, expect, it } from "vitest";
import { fitGroupName } from "@/lib/mapping/names/fit-group-name";
import { validateGroupName } from "@/lib/mapping/names/validate-group-name";

describe("fitGroupName", () => {
  it("rewrites the - and : of AWS thing-group names and keeps Chinese", () => {
    expect(fitGroupName("factory-east:floor-2")).toMatchObject({ name: "factory_east_floor_2", reasons: ["rewrote-characters"] });
    expect(fitGroupName("华东工厂").changed).toBe(false);
  });

  it("pads 3 characters to 4, keeps 4 and 30, shortens 31 to 30", () => {
    expect(fitGroupName("eu1").name).toBe("eu1_0");
    expect(fitGroupName("eu12").changed).toBe(false);
    expect(fitGroupName("g".repeat(30)).changed).toBe(false);
    expect(fitGroupName("g".repeat(31)).name).toBe("g".repeat(20) + "_" + "g".repeat(9));
  });

  it("counts a Chinese character as two at the limit and one over", () => {
    expect(fitGroupName("区".repeat(15)).changed).toBe(false);
    const over = fitGroupName("ab" + "区".repeat(15));
    expect(over.name).toBe("ab" + "区".repeat(9) + "_" + "区".repeat(4));
    expect(validateGroupName(over.name)).toMatchObject({ valid: true, length: 29 });
  });

  it("refuses the characters only device names accept", () => {
    expect(fitGroupName("ops@site.eu").name).toBe("ops_site_eu");
  });
});

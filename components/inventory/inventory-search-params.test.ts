import { describe, expect, it } from "vitest";
import { exportHref, inventorySearch, parseInventoryFilters, resourcesApiSearch, withFilters } from "@/components/inventory/inventory-search-params";

describe("the inventory's address-bar state", () => {
  it("reads back what it wrote", () => {
    const filters = parseInventoryFilters(new URLSearchParams("scan=s1&kind=AWS::IoT::Thing&region=eu-central-1&tag=team%3Diot&q=gate&sort=arn&dir=desc&page=3"));
    expect(filters).toEqual({ scanId: "s1", kind: "AWS::IoT::Thing", region: "eu-central-1", tag: "team=iot", q: "gate", sort: "arn", dir: "desc", page: 3 });
    expect(parseInventoryFilters(new URLSearchParams(inventorySearch(filters)))).toEqual(filters);
  });

  it("falls back to the defaults for missing or invalid values and leaves defaults out", () => {
    const filters = parseInventoryFilters(new URLSearchParams("sort=tags;drop&dir=sideways&page=-2&q=%20%20"));
    expect(filters).toEqual({ sort: "name", dir: "asc", page: 1, scanId: undefined, kind: undefined, region: undefined, tag: undefined, q: undefined });
    expect(inventorySearch(filters)).toBe("");
  });

  it("goes back to the first page when a filter changes, not when the page does", () => {
    const on3 = parseInventoryFilters(new URLSearchParams("kind=AWS::S3::Bucket&page=3"));
    expect(withFilters(on3, { region: "us-east-1" }).page).toBe(1);
    expect(withFilters(on3, { page: 4 }).page).toBe(4);
    expect(withFilters(on3, { kind: "" })).not.toHaveProperty("kind");
  });

  it("sends the filters to the API and to the export, values encoded", () => {
    const filters = parseInventoryFilters(new URLSearchParams("tag=note%3D%3Cscript%3E&q=a%26b"));
    expect(new URLSearchParams(resourcesApiSearch(filters)).get("tag")).toBe("note=<script>");
    expect(new URLSearchParams(resourcesApiSearch(filters)).get("pageSize")).toBe("50");
    const href = exportHref("plan 1", filters, "csv");
    expect(href.startsWith("/api/plans/plan%201/export?")).toBe(true);
    const params = new URLSearchParams(href.split("?")[1]);
    expect(params.get("q")).toBe("a&b");
    expect(params.get("format")).toBe("csv");
    expect(params.has("page")).toBe(false);
  });
});

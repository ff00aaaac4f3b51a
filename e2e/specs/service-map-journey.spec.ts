import fs from "node:fs";
import type { Page, TestInfo } from "@playwright/test";
import { parse } from "@cdktf/hcl2json";
import { test, expect, switchLanguage } from "@/e2e/support/fixtures";
import { storageStateOf } from "@/e2e/support/roles";
import { SERVICE_MAP_FILE } from "@/e2e/support/constants";
import type { ServiceMapSample } from "@/e2e/support/service-map-sample";

/**
 * The architect's journey on the sample estate as the stand-in AWS serves it, scanned and mapped
 * by the product itself before the server started (e2e/support/service-map-sample.ts): browse the
 * catalogue, open the service map of the estate, decide an open question with a reason, export
 * Terraform that parses. (A viewer's side of the same pages: catalogue.spec.ts, service-map.spec.ts,
 * mapping-decisions.spec.ts.)
 */
test.describe.configure({ mode: "serial" });

const sample = () => JSON.parse(fs.readFileSync(SERVICE_MAP_FILE, "utf8")) as ServiceMapSample;

async function choosePlan(page: Page) {
  const switcher = page.getByTestId("plan-switcher").locator("visible=true").first();
  const { planId } = sample();
  if ((await switcher.inputValue()) !== planId) {
    await switcher.selectOption(planId);
    await expect(switcher).toHaveValue(planId);
  }
}

async function openMap(page: Page) {
  await page.goto("/service-map");
  await choosePlan(page);
  await expect(page.getByTestId("service-map-node").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Laying out the map…")).toHaveCount(0);
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test.describe("an architect", () => {
  test.use({ storageState: storageStateOf("architect") });

  test("browses the catalogue and opens the service map of the sample estate", async ({ page }, testInfo) => {
    await page.goto("/service-map/catalogue");
    const thing = page.getByTestId("catalogue-entry").filter({ hasText: "AWS::IoT::Thing" }).first();
    await expect(thing.getByTestId("catalogue-target").first()).toContainText("IoT Platform");
    await expect(thing.getByTestId("entry-edit")).toBeVisible();

    await openMap(page);
    // The estate drawn in aggregates: both sides, far fewer nodes than resources.
    const nodes = page.getByTestId("service-map-node");
    expect(await nodes.count()).toBeGreaterThan(10);
    expect(await nodes.count()).toBeLessThan(400);
    await expect(page.getByTestId("service-map-summary")).toContainText("resources");
    await shot(page, testInfo, "sample-map-en");
    // A table the rules feed is found by searching for its kind, as on a big map.
    await page.getByTestId("service-map-search").fill("DynamoDB");
    await expect(page.getByTestId("service-map-matches")).toContainText(/[1-9]\d* nodes? match/);
    await expect(page.locator("[data-testid=service-map-node][data-match=hit]").first()).toBeAttached();
    await switchLanguage(page, "简体中文");
    await expect(page.getByTestId("service-map-legend")).toBeVisible();
    await shot(page, testInfo, "sample-map-zh");
    await switchLanguage(page, "English");
  });

  test("decides an open question of the sample estate with a reason, and the coverage follows", async ({ page }) => {
    await page.goto("/service-map/coverage");
    await choosePlan(page);
    await page.goto("/service-map/coverage");
    await expect(page.getByTestId("mapping-status")).toContainText("Showing the mapping of scan");
    const before = Number((await page.getByTestId("coverage-count-mapped").innerText()).replace(/\D/g, ""));
    await page.getByTestId("decisions-kind").selectOption("AWS::DynamoDB::Table");
    const item = page.getByTestId("decision-item").filter({ hasText: "device-registry-cache" }).first();
    await item.getByTestId("decide-open").click();
    await item.getByText("Tablestore", { exact: true }).click();
    await item.getByTestId("decide-reason").fill("Key-value access only; Tablestore is the team's standard.");
    await item.getByTestId("decide-submit").click();
    await expect(page.getByTestId("coverage-count-mapped")).toHaveText(new Intl.NumberFormat("en").format(before + 1));
    await page.getByTestId("decisions-view-decided").click();
    await expect(page.getByTestId("decision-item").filter({ hasText: "device-registry-cache" }).getByTestId("decision-override")).toContainText("Tablestore is the team's standard");
  });

  test("exports Terraform that parses, with no device secret in it", async ({ page }) => {
    await page.goto("/service-map/coverage");
    await choosePlan(page);
    await page.goto("/service-map/coverage");
    const download = page.waitForEvent("download");
    await page.getByTestId("export-terraform").click();
    const file = await (await download).path();
    const bundle = JSON.parse(fs.readFileSync(file, "utf8")) as { files: Array<{ path: string; content: string }> };
    const paths = bundle.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["main.tf", "versions.tf"]));
    // What is declared (the configuration and the ROS templates it deploys) never holds a device
    // secret; SKIPPED.txt may name the word in its reasons.
    for (const f of bundle.files.filter((file) => /\.(tf|json)$/.test(file.path))) {
      expect(f.content, f.path).not.toMatch(/DeviceSecret/i);
      if (f.path.endsWith(".tf")) {
        const parsed = (await parse(f.path, f.content)) as { output?: Record<string, unknown> };
        expect(JSON.stringify(parsed.output ?? {})).not.toMatch(/secret/i);
      }
    }
    const main = bundle.files.find((f) => f.path === "main.tf")!.content;
    expect(main).not.toMatch(/alicloud_iot_(product|device)"/);
  });
});

import fs from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, switchLanguage } from "@/e2e/support/fixtures";
import { storageStateOf } from "@/e2e/support/roles";
import { archiveSeededPlans, seedServiceMap, type SeededServiceMap } from "@/e2e/support/seed-service-map";

/**
 * The service map of a plan with a finished mapping run (stored by the spec's setup): an architect
 * sees the AWS and Alibaba nodes, searches, opens a node and reads its reasons and its resources;
 * the same in Chinese and on a phone; a viewer reads it too; a plan without a run (and without a
 * scan) says that a map comes from a finished scan.
 */
test.describe.configure({ mode: "serial" });

const SHOTS = "/tmp/shots-smap";
let seeded: SeededServiceMap;

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  seeded = await seedServiceMap();
});
test.afterAll(async () => {
  if (seeded) await archiveSeededPlans(seeded);
});

async function choosePlan(page: Page, id: string) {
  const switcher = page.getByTestId("plan-switcher");
  if ((await switcher.inputValue()) !== id) {
    await switcher.selectOption(id);
    await expect(switcher).toHaveValue(id);
  }
}

async function openMap(page: Page) {
  await page.goto("/service-map");
  await choosePlan(page, seeded.planId);
  await expect(page.getByTestId("service-map-node").first()).toBeVisible({ timeout: 20_000 });
  // Laid out: the status line is gone and the nodes have moved apart.
  await expect(page.getByText("Laying out the map…")).toHaveCount(0);
}

const node = (page: Page, label: string) => page.getByTestId("service-map-node").filter({ hasText: label }).first();

/** Finds a node as a user does on a big map: searches for it, has the map show the matches, and clicks it. */
async function openNode(page: Page, label: string) {
  await page.getByTestId("service-map-search").fill(label);
  await expect(node(page, label)).toHaveAttribute("data-match", "hit");
  await page.getByTestId("service-map-search").press("Enter");
  // The map moves to the matches (an animation of 300 ms): click once it has settled.
  await expect(async () => {
    const box = await node(page, label).boundingBox();
    const canvas = await page.getByTestId("service-map-canvas").boundingBox();
    expect(box && canvas && box.x >= canvas.x && box.x + 40 <= canvas.x + canvas.width && box.y >= canvas.y).toBe(true);
  }).toPass();
  await node(page, label).click();
}

test.describe("an architect", () => {
  test.use({ storageState: storageStateOf("architect") });

  test("opens the service map, searches, and reads a node's mapping and reasons", async ({ page }) => {
    await openMap(page);
    await expect(page.getByTestId("service-map-tab-map")).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("service-map-tab-coverage")).toHaveAttribute("href", "/service-map/coverage");
    await expect(page.getByTestId("service-map-legend")).toContainText("Needs a decision");
    // Both sides drawn: the thing type on the AWS side and the product it becomes.
    await expect(node(page, "temp-sensor:v2")).toBeVisible();
    await expect(node(page, "temp_sensor_v2")).toBeVisible();
    await expect(node(page, "broken_sql")).toHaveAttribute("data-tone", "blocked");
    await expect(page.getByTestId("service-map-summary")).toContainText("resources");
    await page.screenshot({ path: `${SHOTS}/map-en.png`, fullPage: true });

    await page.getByTestId("service-map-search").fill("telemetry");
    await expect(page.getByTestId("service-map-matches")).toContainText(/\d+ nodes match/);
    await expect(node(page, "telemetry_to_s3")).toHaveAttribute("data-match", "hit");
    await expect(node(page, "temp-sensor:v2")).toHaveAttribute("data-match", "dim");
    await page.getByRole("button", { name: "Show matches" }).click();
    await page.screenshot({ path: `${SHOTS}/search-en.png` });

    await openNode(page, "Untyped things");
    const panel = page.getByTestId("service-map-panel");
    await expect(panel).toContainText("Untyped things (eu-central-1)");
    await expect(panel.getByTestId("service-map-panel-target")).toContainText("Untyped_things");
    await expect(panel.getByTestId("service-map-reasons")).toContainText("named shadows");
    await expect(panel.getByTestId("service-map-proposal").first()).toBeVisible();
    await panel.getByLabel("Status", { exact: true }).selectOption("blocked");
    await expect(panel.getByTestId("service-map-proposal")).toHaveCount(1);
    await expect(panel.getByTestId("service-map-proposal")).toContainText("sensor-000");
    await page.screenshot({ path: `${SHOTS}/panel-en.png`, fullPage: true });

    // A rule that needs a decision: its reason says why.
    await openNode(page, "telemetry_to_s3");
    await expect(panel.getByTestId("service-map-reasons")).toContainText("route through Function Compute to OSS");
    await page.screenshot({ path: `${SHOTS}/rule-en.png` });
  });

  test("reads the map in Chinese and on a phone", async ({ page }) => {
    await openMap(page);
    await switchLanguage(page, "简体中文");
    await expect(page.getByTestId("service-map-tab-map")).toHaveText("映射图");
    await expect(page.getByTestId("service-map-legend")).toContainText("受阻");
    await expect(page.getByTestId("service-map-node").first()).toBeVisible();
    await expect(page.getByText("正在布局映射图…")).toHaveCount(0);
    await openNode(page, "temp-sensor:v2");
    await expect(page.getByTestId("service-map-panel")).toContainText("映射为");
    await page.screenshot({ path: `${SHOTS}/map-zh.png`, fullPage: true });
    await switchLanguage(page, "English");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId("service-map-node-list")).toBeVisible();
    await page.getByTestId("service-map-node-list").getByRole("button", { name: /broken_sql/ }).click();
    await expect(page.getByTestId("service-map-panel")).toContainText("broken_sql");
    await page.screenshot({ path: `${SHOTS}/map-phone.png`, fullPage: true });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(wide, "the page scrolls sideways on a phone").toBe(false);
  });

  test("sees how a map comes when the plan has no mapping run", async ({ page }) => {
    await page.goto("/service-map");
    await choosePlan(page, seeded.emptyPlanId);
    await expect(page.getByTestId("service-map-empty")).toContainText("No service map yet");
    await expect(page.getByTestId("service-map-empty")).toContainText("When a scan of the AWS account has finished");
    await page.screenshot({ path: `${SHOTS}/empty-en.png`, fullPage: true });
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("reads the service map and a node's resources", async ({ page }) => {
    await openMap(page);
    await openNode(page, "temp-sensor:v2");
    const panel = page.getByTestId("service-map-panel");
    await expect(panel.getByTestId("service-map-proposal").first()).toBeVisible();
    // The node's own resources: the thing type and its things.
    await expect(panel.getByTestId("service-map-proposal").filter({ hasText: "temp-sensor:v2" }).first()).toBeAttached();
    expect(await panel.getByTestId("service-map-proposal").count()).toBeGreaterThan(1);
  });
});

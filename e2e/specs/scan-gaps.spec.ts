import fs from "node:fs";
import type { Page, TestInfo } from "@playwright/test";
import { test, expect, switchLanguage } from "@/e2e/support/fixtures";
import { storageStateOf } from "@/e2e/support/roles";
import { STAND_IN_FILE } from "@/e2e/support/constants";
import { callAction } from "@/e2e/support/server-actions";

/**
 * A scan through an endpoint whose secondary calls fail: the stand-in answers every
 * ListTagsForResource with a 500 and does not implement DescribeThingGroup. The scan page lists
 * each once, with a count; a thing group's page says what was not read and why, in English, in
 * Chinese and on a phone.
 */
test.describe.configure({ mode: "serial" });

const PLAN = "E2E gaps";
const CONNECTION = "E2E stand-in with failing calls";
const REGION = "eu-central-1";

interface StandIn {
  url: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const standIn = () => JSON.parse(fs.readFileSync(STAND_IN_FILE, "utf8")) as StandIn;

async function setFaults(config: unknown) {
  const response = await fetch(`${standIn().url}/__standin/faults`, { method: "POST", body: JSON.stringify(config) });
  expect(response.status).toBe(200);
}

async function choosePlan(page: Page) {
  await page.goto("/inventory");
  const switcher = page.getByTestId("plan-switcher");
  const id = await switcher.locator("option", { hasText: PLAN }).getAttribute("value");
  expect(id).toBeTruthy();
  if ((await switcher.inputValue()) !== id) {
    await switcher.selectOption(id!);
    await expect(switcher).toHaveValue(id!);
  }
  return id!;
}

/** Full-page screenshots in English, in Chinese and on a 390 px wide phone, with nothing sticking out sideways. */
async function screenshots(page: Page, testInfo: TestInfo, name: string, ready: () => Promise<void>) {
  await ready();
  await page.screenshot({ path: testInfo.outputPath(`${name}-en.png`), fullPage: true });
  await switchLanguage(page, "简体中文");
  await ready();
  await page.screenshot({ path: testInfo.outputPath(`${name}-zh.png`), fullPage: true });
  await switchLanguage(page, "English");
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await ready();
  await page.screenshot({ path: testInfo.outputPath(`${name}-phone.png`), fullPage: true });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(wide, `${name}: the page scrolls sideways on a phone`).toBe(false);
  if (size) await page.setViewportSize(size);
}

let scanId = "";

test.afterAll(async () => {
  await setFaults({});
});

test.describe("an admin connects an endpoint whose secondary calls fail", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("adds the connection and a plan on it", async ({ page }) => {
    const aws = standIn();
    await page.goto("/settings/connections");
    const connection = await callAction(page.request, "createConnectionAction", [
      { name: CONNECTION, authMode: "access-keys", accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey, endpointUrl: aws.url, regions: [REGION] },
    ]);
    expect(connection.result?.ok, connection.body.slice(0, 300)).toBe(true);
    const connectionId = (connection.result?.data as { id: string }).id;
    await page.goto("/settings/plans");
    const plan = await callAction(page.request, "createPlanAction", [
      { name: PLAN, sourceConnectionId: connectionId, sourceRegions: [REGION], targetRegions: ["cn-shanghai"] },
    ]);
    expect(plan.result?.ok, plan.body.slice(0, 300)).toBe(true);
  });
});

test.describe("an engineer scans it", () => {
  test.use({ storageState: storageStateOf("engineer") });

  test("sees the scan finish partial, with each failing call listed once and counted", async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    await setFaults({
      rules: [
        { operation: "ListTagsForResource", region: REGION, answer: "internal" },
        { operation: "DescribeThingGroup", region: REGION, answer: "not-implemented" },
      ],
    });
    const planId = await choosePlan(page);
    await page.goto("/inventory/scans");
    const started = await callAction(page.request, "startScanAction", [{ planId, mode: "summary", includeShadows: false }]);
    expect(started.result?.ok, started.body.slice(0, 300)).toBe(true);
    scanId = (started.result?.data as { scanId: string }).scanId;
    await page.goto(`/inventory/scans/${scanId}`);
    await expect(page.getByTestId("scan-status")).toHaveAttribute("data-status", "partial", { timeout: 240_000 });
    await setFaults({});

    const gaps = page.locator("[data-testid=issue-row][data-gap]");
    const tags = gaps.filter({ hasText: "ListTagsForResource" });
    await expect(tags).toHaveCount(1);
    await expect(tags.getByTestId("issue-code")).toHaveText("ServiceUnavailable");
    await expect(tags.getByTestId("issue-gap")).toHaveText(/^\d+ resources were stored without what ListTagsForResource reads\.$/);
    const describe = gaps.filter({ hasText: "DescribeThingGroup" });
    await expect(describe).toHaveCount(1);
    await expect(describe.getByTestId("issue-code")).toHaveText("OperationNotOffered");
    await expect(describe.getByTestId("issue-gap")).toContainText("This endpoint does not offer DescribeThingGroup.");
    await expect(describe).not.toContainText("deleted");
    await screenshots(page, testInfo, "scan-gaps", async () => {
      await expect(page.getByTestId("scan-issues")).toBeVisible();
    });
  });

  test("opens a thing group and reads what was not read, and why", async ({ page }, testInfo) => {
    expect(scanId).not.toBe("");
    await choosePlan(page);
    await page.goto("/inventory?kind=AWS%3A%3AIoT%3A%3AThingGroup");
    const rows = page.getByTestId("resource-row");
    await expect(rows.first()).toBeVisible();
    await rows.first().getByTestId("resource-link").click();
    await expect(page).toHaveURL(/\/inventory\/resources\/\d+$/);
    const gaps = page.getByTestId("resource-gaps");
    await expect(gaps).toContainText("Some parts of this resource were not read");
    await expect(gaps.getByTestId("resource-gap")).toHaveCount(2);
    await expect(gaps.getByTestId("resource-gap").filter({ hasText: "ListTagsForResource" })).toContainText("Tags not read — The AWS service was unavailable.");
    await expect(gaps.getByTestId("resource-gap").filter({ hasText: "DescribeThingGroup" })).toContainText("Details not read — The endpoint does not offer this operation");
    // No tags were read: the page does not claim the group has none.
    await expect(page.getByTestId("resource-tags")).toContainText("The tags could not be read in this scan.");
    await screenshots(page, testInfo, "resource-gaps", async () => {
      await expect(page.getByTestId("resource-gaps")).toBeVisible();
    });
    await switchLanguage(page, "简体中文");
    await expect(page.getByTestId("resource-gaps")).toContainText("未读取标签：AWS 服务不可用。");
    await switchLanguage(page, "English");
  });
});

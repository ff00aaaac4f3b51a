import fs from "node:fs";
import type { Page, TestInfo } from "@playwright/test";
import { test, expect, switchLanguage } from "@/e2e/support/fixtures";
import { storageStateOf } from "@/e2e/support/roles";
import { STAND_IN_FILE } from "@/e2e/support/constants";
import { HOSTILE_VALUES } from "@/doubles/aws/hostile-values";

/**
 * The inventory journey, in order: an admin connects the stand-in AWS account and makes it the
 * source of a plan; an engineer sees the plan of a scan, starts it and watches it finish; a
 * viewer browses, filters, pages, sorts and exports the result, and opens a resource whose tags
 * carry hostile values that must stay inert text.
 */
test.describe.configure({ mode: "serial" });

const PLAN = "E2E fleet";
const CONNECTION = "E2E stand-in AWS";

interface StandIn {
  url: string;
  accessKeyId: string;
  secretAccessKey: string;
  regions: string[];
  accountId: string;
}

function standIn(): StandIn {
  return JSON.parse(fs.readFileSync(STAND_IN_FILE, "utf8")) as StandIn;
}

/** Makes the journey's plan the current one in the shell's plan switcher. */
async function choosePlan(page: Page) {
  const switcher = page.getByTestId("plan-switcher");
  const id = await switcher.locator("option", { hasText: PLAN }).getAttribute("value");
  expect(id).toBeTruthy();
  if ((await switcher.inputValue()) !== id) {
    await switcher.selectOption(id!);
    await expect(switcher).toHaveValue(id!);
  }
}

/** Full-page screenshots in English, in Chinese and on a 390 px wide phone. */
async function screenshots(page: Page, testInfo: TestInfo, name: string, ready: () => Promise<void>) {
  await ready();
  await page.screenshot({ path: testInfo.outputPath(`${name}-en.png`), fullPage: true });
  await switchLanguage(page, "简体中文");
  await ready();
  await page.screenshot({ path: testInfo.outputPath(`${name}-zh.png`), fullPage: true });
  // The choice is kept on the account: switch back so later tests read English.
  await switchLanguage(page, "English");
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await ready();
  await page.screenshot({ path: testInfo.outputPath(`${name}-phone.png`), fullPage: true });
  // Nothing may stick out sideways on a phone: the page itself must not scroll horizontally.
  const sticking = await page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth + 1) return [];
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 10)
      .map((el) => `<${el.tagName.toLowerCase()} class="${String(el.getAttribute("class")).slice(0, 80)}"> right=${Math.round(el.getBoundingClientRect().right)}`);
  });
  expect(sticking, `${name}: elements wider than a 390 px phone`).toEqual([]);
  if (size) await page.setViewportSize(size);
}

function pagerTotal(text: string | null): number {
  const m = (text ?? "").match(/of ([\d,]+)/);
  return m ? Number(m[1]!.replace(/,/g, "")) : NaN;
}

test.describe("an admin connects the AWS account", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("adds an access-key connection to the stand-in, tests it, and makes it the source of a plan", async ({ page }, testInfo) => {
    const aws = standIn();
    await page.goto("/settings/connections");
    const form = page.getByTestId("create-connection-form");
    await form.getByLabel("Name", { exact: true }).fill(CONNECTION);
    await form.getByRole("radio", { name: /Access keys/ }).check();
    await expect(form.getByText(/Long-term access keys are discouraged/)).toBeVisible();
    await form.getByLabel("Access key id").fill(aws.accessKeyId);
    await form.getByLabel("Secret access key").fill(aws.secretAccessKey);
    await form.getByText("Advanced").click();
    await form.getByLabel("Endpoint override").fill(aws.url);
    for (const region of aws.regions) await form.getByTestId("connection-regions").getByLabel(region, { exact: true }).check();
    await form.getByRole("button", { name: "Add connection" }).click();
    await expect(page.getByTestId("connections-notice")).toHaveText("Connection added. Test it now.");

    const card = page.getByTestId("connection-card").filter({ hasText: CONNECTION });
    await expect(card).toBeVisible();
    // The secret is write-only: the page says one is stored and never shows it.
    await expect(card).toContainText("a secret is stored");
    expect(await page.content()).not.toContain(aws.secretAccessKey);
    await card.getByTestId("test-connection").click();
    const result = card.getByTestId("test-result");
    await expect(result).toHaveAttribute("data-ok", "true", { timeout: 30_000 });
    await expect(result.getByTestId("test-account")).toHaveText(aws.accountId);
    for (const region of aws.regions) await expect(result.getByTestId(`test-region-${region}`)).toContainText("reachable");
    await expect(card.getByTestId("connection-account")).toHaveText(aws.accountId);
    await expect(page.getByTestId("iam-policy")).toContainText('"iot:List*"');
    await expect(page.getByTestId("trust-policy")).toContainText("sts:ExternalId");
    await screenshots(page, testInfo, "connections", async () => {
      await expect(page.getByTestId("connection-card").first()).toBeVisible();
    });

    await page.goto("/settings/plans");
    const planForm = page.getByTestId("create-plan-form");
    await planForm.getByLabel("Name", { exact: true }).fill(PLAN);
    await planForm.getByLabel("AWS connection").selectOption({ label: CONNECTION });
    for (const region of aws.regions) await planForm.getByRole("group", { name: "AWS regions to read" }).getByLabel(region, { exact: true }).check();
    await planForm.getByRole("group", { name: "Alibaba Cloud target regions" }).getByLabel("cn-shanghai", { exact: true }).check();
    await planForm.getByRole("button", { name: "Create plan" }).click();
    await expect(page.getByText("Plan created.")).toBeVisible();
    await choosePlan(page);

    // The connections page now names the plan that uses the connection.
    await page.goto("/settings/connections");
    await expect(page.getByTestId("connection-card").filter({ hasText: CONNECTION })).toContainText(PLAN);
  });

  test("adds a role connection it no longer needs and removes it, after a confirmation", async ({ page }) => {
    const spare = "E2E spare role connection";
    await page.goto("/settings/connections");
    const form = page.getByTestId("create-connection-form");
    await form.getByLabel("Name", { exact: true }).fill(spare);
    await form.getByRole("radio", { name: /Assume a read-only role/ }).check();
    await form.getByLabel("Role ARN").fill("arn:aws:iam::210987654321:role/SilkrouteReader");
    await form.getByLabel("External id").fill("e2e-external-id-7f3a");
    await form.getByTestId("connection-regions").getByLabel("eu-central-1", { exact: true }).check();
    await form.getByRole("button", { name: "Add connection" }).click();
    await expect(page.getByTestId("connections-notice")).toHaveText("Connection added. Test it now.");
    const card = page.getByTestId("connection-card").filter({ hasText: spare });
    await expect(card).toBeVisible();

    await card.getByTestId("remove-connection").click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Remove this connection?");
    await expect(dialog).toContainText("No plan uses it. Scans already made are kept.");
    // Cancelling keeps it.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(card).toBeVisible();
    await card.getByTestId("remove-connection").click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
    await expect(page.getByTestId("connections-notice")).toHaveText("Connection removed.");
    await expect(card).toHaveCount(0);
    // Gone on the server too, and the connection the plan uses is untouched.
    await page.reload();
    await expect(page.getByTestId("connection-card").filter({ hasText: spare })).toHaveCount(0);
    await expect(page.getByTestId("connection-card").filter({ hasText: CONNECTION })).toBeVisible();
  });
});

test.describe("an engineer scans the account", () => {
  test.use({ storageState: storageStateOf("engineer") });

  test("sees the plan of a summary scan, starts it and watches it finish; cancels, resumes and compares a second", async ({ page }, testInfo) => {
    test.setTimeout(420_000);
    const aws = standIn();
    await page.goto("/inventory");
    await choosePlan(page);
    await page.goto("/inventory");
    await expect(page.getByRole("heading", { level: 1, name: "Inventory" })).toBeVisible();
    await page.getByTestId("plan-first-scan").click();
    await expect(page).toHaveURL(/\/inventory\/scans$/);

    // The plan comes before the start: calls per API, the least time, and why it is a minimum.
    const plan = page.getByTestId("scan-plan");
    await expect(plan.getByTestId("plan-total-calls")).toHaveText(/^[1-9][\d,]*$/);
    await expect(plan.getByTestId("plan-least-time")).not.toBeEmpty();
    await expect(plan.getByTestId("plan-minimum-note")).toBeVisible();
    expect(await plan.getByTestId("plan-call-row").count()).toBeGreaterThan(0);
    await expect(page.getByTestId("mode-summary")).toBeChecked();
    await expect(page.getByTestId("include-shadows")).toBeDisabled();

    await page.getByTestId("start-scan").click();
    await expect(page).toHaveURL(/\/inventory\/scans\/[0-9a-f-]{36}$/);
    const status = page.getByTestId("scan-status");
    await expect(status).toHaveAttribute("data-status", /^(partial|complete)$/, { timeout: 180_000 });
    if ((await status.getAttribute("data-status")) === "partial") {
      // The estate holds a deliberately malformed policy: listed, with its code.
      await expect(page.getByTestId("issue-row").filter({ hasText: "MalformedPolicy" }).first()).toBeVisible();
      // Every part finished: the issue comes from what AWS returned, so there is nothing to resume.
      await expect(page.getByTestId("resume-scan")).toHaveCount(0);
    }
    await expect(page.getByTestId("cancel-scan")).toHaveCount(0);
    for (const region of aws.regions) {
      const found = await page.getByTestId(`region-row-${region}`).getByTestId("region-found").textContent();
      expect(Number((found ?? "").replace(/\D/g, "")), `resources found in ${region}`).toBeGreaterThan(0);
    }
    // Per-kind rows open under their region.
    await page.getByTestId(`region-row-${aws.regions[0]}`).getByTestId("region-toggle").click();
    expect(await page.getByTestId("task-row").count()).toBeGreaterThan(5);
    await expect(page.getByTestId("plan-vs-actual")).toBeVisible();
    await screenshots(page, testInfo, "scan-progress", async () => {
      await expect(page.getByTestId("region-progress")).toBeVisible();
    });
    const firstScan = page.url().split("/").pop()!;

    // A second scan is planned from the first one's counts; it is cancelled, then resumed.
    await page.goto("/inventory/scans");
    await expect(page.getByTestId("plan-total-calls")).toHaveText(/^[1-9][\d,]*$/);
    await expect(page.getByTestId("plan-minimum-note")).toHaveCount(0);
    await page.getByTestId("start-scan").click();
    await expect(page).toHaveURL(/\/inventory\/scans\/[0-9a-f-]{36}$/);
    const secondScan = page.url().split("/").pop()!;
    const apiStatus = async () => ((await (await page.request.get(`/api/scans/${secondScan}`)).json()) as { status: string }).status;
    await page.getByTestId("cancel-scan").click();
    await expect(page.getByRole("dialog", { name: "Cancel this scan?" })).toBeVisible();
    await page.getByTestId("confirm-dialog-confirm").click();
    await expect(page.getByText("The scan is stopping.")).toBeVisible();
    await expect.poll(apiStatus, { timeout: 120_000 }).toBe("cancelled");
    await expect(status).toHaveAttribute("data-status", "cancelled");
    await page.getByTestId("resume-scan").click();
    await expect(page.getByRole("dialog", { name: "Resume this scan?" })).toBeVisible();
    await page.getByTestId("confirm-dialog-confirm").click();
    await expect(page.getByText("The scan is queued again.")).toBeVisible();
    await expect.poll(apiStatus, { timeout: 180_000 }).toMatch(/^(partial|complete)$/);
    await expect(status).toHaveAttribute("data-status", /^(partial|complete)$/);

    // Compared with the first scan: the same estate, so mostly unchanged.
    await page.getByTestId("compare-with").selectOption(firstScan);
    await expect.poll(async () => Number(((await page.getByTestId("diff-unchanged").textContent()) ?? "").replace(/\D/g, ""))).toBeGreaterThan(100);
    await expect(page.getByTestId("diff-added")).toBeVisible();
  });
});

test.describe("a viewer browses the inventory", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("filters, pages, sorts, exports, and sees hostile values as inert text", async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    const aws = standIn();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.goto("/inventory");
    await choosePlan(page);
    await page.goto("/inventory");
    await expect(page.getByTestId("kind-region-chart")).toBeVisible();
    await expect(page.getByTestId("shown-scan-status")).toHaveAttribute("data-status", /^(partial|complete)$/);
    const rows = page.getByTestId("resource-row");
    const range = page.getByTestId("resource-pager-range");
    await expect(rows.first()).toBeVisible();
    const everything = pagerTotal(await range.textContent());

    // Kind, region and text: each narrows the table, goes back to page 1 and lands in the address bar.
    await page.getByLabel("Kind").selectOption("AWS::IoT::Thing");
    await expect(page).toHaveURL(/kind=AWS%3A%3AIoT%3A%3AThing/);
    await expect(rows.first().getByTestId("resource-kind")).toHaveText("AWS::IoT::Thing");
    await expect.poll(async () => pagerTotal(await range.textContent())).toBeLessThan(everything);
    const region = aws.regions[0]!;
    await page.getByLabel("Region").selectOption(region);
    await expect(page).toHaveURL(new RegExp(`region=${region}`));
    await expect(rows.first().getByTestId("resource-region")).toHaveText(region);
    // Thing names carry the region's short code (euc1 for eu-central-1).
    await page.getByLabel("Search").fill("euc1");
    await expect(page).toHaveURL(/q=euc1/);
    await expect.poll(async () => pagerTotal(await range.textContent())).toBeGreaterThan(50);
    const filtered = pagerTotal(await range.textContent());
    for (const kind of await page.getByTestId("resource-kind").allTextContents()) expect(kind).toBe("AWS::IoT::Thing");
    for (const r of await page.getByTestId("resource-region").allTextContents()) expect(r).toBe(region);
    await page.screenshot({ path: testInfo.outputPath("inventory-filtered.png"), fullPage: true });

    // Paging: 50 a page, the next page starts at 51.
    await expect(rows).toHaveCount(50);
    const firstOnPage1 = await rows.first().getByTestId("resource-link").textContent();
    await page.getByTestId("resource-pager").getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(range).toHaveText(new RegExp(`^51–\\d+ of ${filtered}$`));
    await expect(rows.first().getByTestId("resource-link")).not.toHaveText(firstOnPage1!);

    // Sorting by name descending starts again on page 1, with another first row; ascending restores it.
    await page.getByTestId("sort-name").click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect(page).not.toHaveURL(/page=2/);
    await expect(rows.first().getByTestId("resource-link")).not.toHaveText(firstOnPage1!);
    await page.getByTestId("sort-name").click();
    await expect(rows.first().getByTestId("resource-link")).toHaveText(firstOnPage1!);
    await page.getByTestId("sort-region").click();
    await expect(page).toHaveURL(/sort=region/);

    // The filtered view survives a reload: its state is the address.
    await page.reload();
    await expect(page.getByLabel("Search")).toHaveValue("euc1");
    await expect(page.getByLabel("Kind")).toHaveValue("AWS::IoT::Thing");
    await expect(range).toHaveText(new RegExp(`of ${filtered}$`));

    // The export carries the same filters and the note line.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.startsWith("# Silkroute inventory export")).toBe(true);
    const lines = csv.trim().split(/\r\n/);
    expect(lines[1]).toBe("arn,kind,region,account,name,tags");
    expect(lines.length - 2).toBe(filtered);
    for (const line of lines.slice(2)) expect(line).toContain(`,AWS::IoT::Thing,${region},`);

    // A tag filter of key=value finds the thing groups whose tags carry hostile values.
    await page.getByTestId("clear-filters").click();
    await expect(page).not.toHaveURL(/[?&](kind|region|q)=/);
    await page.getByLabel("Tag").fill(`hostile-1=${HOSTILE_VALUES.script}`);
    await expect(page).toHaveURL(/tag=hostile-1%3D/);
    await expect(rows.first()).toContainText("hostile-1");
    await screenshots(page, testInfo, "inventory", async () => {
      await expect(page.getByTestId("kind-region-chart")).toBeVisible();
      await expect(rows.first()).toBeVisible();
    });
    await rows.first().getByTestId("resource-link").click();
    await expect(page).toHaveURL(/\/inventory\/resources\/\d+$/);

    // Hostile values are shown literally, as text, and nothing from them reaches the DOM or runs.
    const tag = (key: string) => page.getByTestId("tag-row").filter({ has: page.getByTestId("tag-key").getByText(key, { exact: true }) }).getByTestId("tag-value");
    await expect(tag("hostile-1")).toHaveText(HOSTILE_VALUES.script);
    await expect(tag("hostile-2")).toHaveText(HOSTILE_VALUES.attributeBreakout);
    await expect(tag("hostile-6")).toHaveText(HOSTILE_VALUES.formula);
    await expect(tag("hostile-7")).toHaveText(HOSTILE_VALUES.sql);
    await expect(tag("hostile-3")).toContainText(HOSTILE_VALUES.long.slice(0, 200));
    // The right-to-left override is made visible instead of reordering the text.
    await expect(tag("hostile-5")).toContainText("U+202E");
    await expect(page.locator("img[src='x']")).toHaveCount(0);
    await expect(page.locator("img[onerror]")).toHaveCount(0);
    expect(await page.evaluate(() => document.querySelectorAll("[onerror]").length)).toBe(0);
    await expect(page.getByTestId("resource-arn")).toContainText(`:${aws.accountId}:`);
    await screenshots(page, testInfo, "resource-detail", async () => {
      await expect(page.getByTestId("resource-tags")).toBeVisible();
    });

    // Relations both ways link to the other resource, or say the reference is dangling.
    expect(await page.getByTestId("relation-row").count()).toBeGreaterThan(0);

    // A viewer may look at scans but not start, cancel or resume one.
    await page.goto("/inventory/scans");
    await expect(page.getByTestId("scans-table")).toBeVisible();
    await expect(page.getByTestId("start-scan-panel")).toHaveCount(0);
    await expect(page.getByTestId("start-scan")).toHaveCount(0);
    await page.getByTestId("scan-link").first().click();
    await expect(page.getByTestId("region-progress")).toBeVisible();
    await expect(page.getByTestId("cancel-scan")).toHaveCount(0);
    await expect(page.getByTestId("resume-scan")).toHaveCount(0);

    expect(dialogs, "no dialog may open").toEqual([]);
  });
});

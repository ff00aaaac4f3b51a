import fs from "node:fs";
import { test, expect, switchLanguage } from "@/e2e/support/fixtures";
import { demoEmail, storageStateOf } from "@/e2e/support/roles";
import { callAction } from "@/e2e/support/server-actions";

/**
 * The catalogue browser: an architect filters it, edits an entry with a reason and finds the
 * change in its history; a viewer sees no edit controls and the server refuses them; the page
 * reads in Chinese and on a phone.
 */
const SHOTS = "/tmp/shots-catalogue";
const SQS = "AWS::SQS::Queue";

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test.describe("an architect", () => {
  test.use({ storageState: storageStateOf("architect") });

  test("browses the catalogue, filters it, edits an entry with a reason and sees the history", async ({ page }) => {
    await page.goto("/service-map/catalogue");
    await switchLanguage(page, "English");
    await expect(page.getByRole("heading", { level: 1, name: "Catalogue" })).toBeVisible();
    const entries = page.getByTestId("catalogue-entry");
    await expect(entries.first()).toBeVisible();
    const all = await entries.count();
    expect(all).toBeGreaterThanOrEqual(70);
    // IoT Core's alternatives are on the Thing row, ranked.
    const thing = page.locator('[data-testid="catalogue-entry"][data-kind="AWS::IoT::Thing"]');
    await expect(thing.getByTestId("catalogue-target").first()).toContainText("IoT Platform");
    await expect(thing.getByTestId("catalogue-target").filter({ hasText: "MQTT" }).first()).toBeVisible();
    await expect(page.getByTestId("iot-details")).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/architect-en.png`, fullPage: false });

    await page.getByLabel("Category").selectOption("iot");
    await expect.poll(async () => entries.count()).toBeLessThan(all);
    const iotCount = await entries.count();
    for (const badge of await entries.locator("header").allInnerTexts()) expect(badge).toContain("IoT");

    // A mainland region narrows further than "anywhere"; the worlds are separate groups.
    await page.getByLabel("Offered in").selectOption({ label: "cn-shanghai" });
    await expect(page).toHaveURL(/region=cn-shanghai/);
    await expect.poll(async () => entries.count()).toBeLessThanOrEqual(iotCount);
    await expect(entries.first().getByTestId("availability").first()).toBeVisible();
    await page.getByLabel("Offered in").selectOption({ label: "Any international region" });
    await expect(page).toHaveURL(/world=international/);

    await page.getByTestId("catalogue-filters").getByRole("button", { name: "Clear", exact: true }).click();
    await page.getByLabel("Search").fill("SQS::Queue");
    const sqs = page.locator(`[data-testid="catalogue-entry"][data-kind="${SQS}"]`);
    await expect(sqs).toBeVisible();

    await sqs.getByTestId("entry-edit").click();
    const editor = sqs.getByTestId("catalogue-editor");
    await expect(editor).toBeVisible();
    // A problem is shown at its field, and a reason is required.
    await editor.getByLabel("What differs").first().fill(" ");
    await editor.getByTestId("editor-save").click();
    await expect(editor.getByText("must not be empty")).toBeVisible();
    await expect(editor.getByText("Give a reason for the change.")).toBeVisible();
    const text = `Measured in our own test account on ${new Date().toISOString().slice(0, 10)}.`;
    await editor.getByLabel("What differs").first().fill(text);
    await editor.getByLabel("Fit").first().selectOption("partial");
    await editor.getByLabel("Reason (required)").fill("Checked against the console in cn-shanghai");
    await page.screenshot({ path: `${SHOTS}/architect-editor-en.png`, fullPage: false });
    await editor.getByTestId("editor-save").click();
    await expect(page.getByTestId("catalogue-notice")).toContainText(`${SQS} saved`);
    await expect(sqs.getByText("Edited", { exact: true }).first()).toBeVisible();
    await expect(sqs.getByTestId("catalogue-target").first()).toContainText(text);
    const history = sqs.getByTestId("catalogue-history");
    await expect(history).toBeVisible();
    const edit = history.locator('[data-testid="history-row"][data-source="edit"]').first();
    await expect(edit).toContainText("Checked against the console in cn-shanghai");
    await expect(edit).toContainText(demoEmail("architect"));
    await history.getByText(/changed field/).first().click();
    await expect(history.getByTestId("change-list").first()).toContainText(text);
    await page.screenshot({ path: `${SHOTS}/architect-history-en.png`, fullPage: false });
  });

  test("reads the catalogue in Chinese", async ({ page }) => {
    await page.goto("/service-map/catalogue");
    await switchLanguage(page, "简体中文");
    await expect(page.getByRole("heading", { level: 1, name: "目录" })).toBeVisible();
    await expect(page.getByLabel("类别")).toBeVisible();
    await expect(page.getByTestId("catalogue-entry").first().getByRole("button", { name: "编辑" })).toBeVisible();
    await page.getByTestId("iot-details").locator("details").first().locator("summary").click();
    await page.screenshot({ path: `${SHOTS}/architect-zh.png`, fullPage: false });
    await switchLanguage(page, "English");
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("reads the catalogue without edit controls, and the server refuses an edit", async ({ page }) => {
    await page.goto("/service-map/catalogue");
    await switchLanguage(page, "English");
    await expect(page.getByTestId("catalogue-entry").first()).toBeVisible();
    await expect(page.getByTestId("entry-edit")).toHaveCount(0);
    await expect(page.getByTestId("difference-accept")).toHaveCount(0);
    // History is readable by everyone.
    await page.getByTestId("entry-history").first().click();
    await expect(page.getByTestId("catalogue-history")).toBeVisible();
    const call = await callAction(page.request, "retireCatalogueEntryAction", [{ kind: SQS, retired: true, reason: "a viewer tries" }]);
    expect(call.result?.ok).toBe(false);
    expect(call.result?.error?.code).toBe("FORBIDDEN");
  });
});

test.describe("on a phone", () => {
  test.use({ storageState: storageStateOf("architect"), viewport: { width: 390, height: 844 } });

  test("the catalogue stays readable at 390 pixels", async ({ page, context }) => {
    await page.goto("/service-map/catalogue?category=iot");
    await expect(page.getByTestId("catalogue-entry").first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `${SHOTS}/architect-phone.png`, fullPage: false });
    // On a phone the language switch sits in the folded menu: choose the language by its cookie.
    await context.addCookies([{ name: "silkroute-locale", value: "zh-CN", url: page.url() }]);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByTestId("catalogue-entry").first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/architect-phone-zh.png`, fullPage: false });
    await context.addCookies([{ name: "silkroute-locale", value: "en", url: page.url() }]);
  });
});

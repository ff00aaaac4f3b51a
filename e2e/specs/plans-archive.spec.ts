import type { Page, TestInfo } from "@playwright/test";
import { test, expect, switchLanguage } from "@/e2e/support/fixtures";
import { storageStateOf } from "@/e2e/support/roles";
import { callAction } from "@/e2e/support/server-actions";

/**
 * An admin archives a plan from Settings -> Plans, after a confirmation: it leaves the plan list
 * and the plan switcher, the audit log records it; a viewer sees no such button.
 */

async function newPlan(page: Page, name: string): Promise<string> {
  const created = await callAction(page.request, "createPlanAction", [{ name, description: "", sourceRegions: ["eu-central-1"], targetRegions: ["cn-shanghai"] }]);
  expect(created.result?.ok, created.body.slice(0, 300)).toBe(true);
  return (created.result!.data as { id: string }).id;
}

async function openDialog(page: Page, name: string) {
  await page.getByTestId("plan-card").filter({ hasText: name }).getByTestId("archive-plan").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(name);
  return dialog;
}

/** The confirmation in English, in Chinese and on a 390 px wide phone. */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  let dialog = await openDialog(page, name);
  await expect(dialog.getByRole("heading")).toHaveText("Archive this plan?");
  await page.screenshot({ path: testInfo.outputPath("archive-plan-en.png"), fullPage: true });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await switchLanguage(page, "简体中文");
  dialog = await openDialog(page, name);
  await expect(dialog.getByRole("heading")).toHaveText("归档此计划？");
  await expect(dialog.getByTestId("confirm-dialog-confirm")).toHaveText("归档计划");
  await page.screenshot({ path: testInfo.outputPath("archive-plan-zh.png"), fullPage: true });
  await dialog.getByRole("button", { name: "取消" }).click();
  // The choice is kept on the account: switch back so later tests read English.
  await switchLanguage(page, "English");
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const card = page.getByTestId("plan-card").filter({ hasText: name });
  await expect(card.getByTestId("archive-plan")).toBeVisible();
  await card.screenshot({ path: testInfo.outputPath("archive-plan-card-phone.png") });
  dialog = await openDialog(page, name);
  await page.screenshot({ path: testInfo.outputPath("archive-plan-phone.png"), fullPage: true });
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390, "the dialog fits a 390 px phone").toBe(true);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  if (size) await page.setViewportSize(size);
}

test.describe("an admin archives a plan", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("asks first, then the plan leaves the list and the switcher, and the audit log says so", async ({ page }, testInfo) => {
    const name = `Plan to archive ${Date.now()}`;
    const planId = await newPlan(page, name);
    await page.goto("/settings/plans");
    await expect(page.getByTestId("plan-card").filter({ hasText: name })).toHaveCount(1);
    await screenshots(page, testInfo, name);

    // Cancelling changes nothing.
    let dialog = await openDialog(page, name);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await page.reload();
    await expect(page.getByTestId("plan-card").filter({ hasText: name })).toHaveCount(1);
    await expect(page.getByTestId("plan-switcher").locator("visible=true").first().locator("option", { hasText: name })).toHaveCount(1);

    dialog = await openDialog(page, name);
    await expect(dialog).toContainText("Its scans and their inventory are kept.");
    await dialog.getByTestId("confirm-dialog-confirm").click();
    await expect(page.getByTestId("plan-archived")).toHaveText("Plan archived. Its scans are kept.");
    await expect(page.getByTestId("plan-card").filter({ hasText: name })).toHaveCount(0);
    await expect(page.getByTestId("plan-switcher").locator("visible=true").first().locator("option", { hasText: name })).toHaveCount(0);

    const audit = (await (await page.request.get("/api/audit?action=plan.archive&limit=50")).json()) as { events: Array<{ targetId: string; outcome: string }> };
    expect(audit.events.filter((e) => e.targetId === planId).map((e) => e.outcome)).toEqual(["success"]);
  });
});

test.describe("a viewer looks at the plans", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("sees no archive button", async ({ page }) => {
    await page.goto("/settings/plans");
    await expect(page.getByRole("navigation", { name: "Settings" })).toBeVisible();
    await expect(page.getByTestId("archive-plan")).toHaveCount(0);
  });
});

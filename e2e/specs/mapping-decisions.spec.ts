import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, switchLanguage } from "@/e2e/support/fixtures";
import { storageStateOf } from "@/e2e/support/roles";
import { callAction } from "@/e2e/support/server-actions";
import { MAPPING_PLAN_NAME } from "@/e2e/support/mapping-decisions-plan";

/**
 * The coverage journey on the seeded plan (e2e/support/mapping-decisions-seed.ts: 3 mapped things,
 * 3 open decisions, 1 without equivalent, 1 blocked): an architect decides an open question with a
 * reason and sees the coverage change, then reads the page in Chinese; a viewer sees the same page
 * without any control to decide, and the server refuses the action when called directly.
 */
test.describe.configure({ mode: "serial" });

const SHOTS = process.env.SILKROUTE_SHOTS_DIR ?? "/tmp/shots-coverage";

async function choosePlan(page: Page) {
  const switcher = page.getByTestId("plan-switcher").locator("visible=true").first();
  const id = await switcher.locator("option", { hasText: MAPPING_PLAN_NAME }).getAttribute("value");
  expect(id).toBeTruthy();
  if ((await switcher.inputValue()) !== id) {
    await switcher.selectOption(id!);
    await expect(switcher).toHaveValue(id!);
  }
  return id!;
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test.describe("an architect works through the open decisions", () => {
  test.use({ storageState: storageStateOf("architect") });

  test("decides an open question with a reason and sees the coverage change", async ({ page }) => {
    await page.goto("/service-map/coverage");
    await choosePlan(page);
    await page.goto("/service-map/coverage");
    await expect(page.getByTestId("coverage-count-mapped")).toHaveText("3");
    await expect(page.getByTestId("coverage-count-decision")).toHaveText("3");
    await expect(page.getByTestId("coverage-chart")).toBeVisible();
    await expect(page.getByTestId("coverage-table")).toContainText("AWS::SQS::Queue");
    const items = page.getByTestId("decision-item");
    await expect(items).toHaveCount(3);
    // The hostile name is shown as text, not run.
    await expect(page.getByText('=HYPERLINK("http://evil.example","x")', { exact: true })).toBeVisible();
    await shot(page, "coverage-architect-en");

    const queue = items.filter({ hasText: "telemetry-queue" });
    await queue.getByTestId("decide-open").click();
    await queue.getByText("ApsaraMQ for RocketMQ", { exact: true }).click();
    await expect(queue.getByTestId("decide-submit")).toBeDisabled();
    await queue.getByTestId("decide-reason").fill("The platform team already runs RocketMQ.");
    await shot(page, "coverage-deciding-en");
    await queue.getByTestId("decide-submit").click();

    await expect(page.getByTestId("coverage-count-mapped")).toHaveText("4");
    await expect(page.getByTestId("coverage-count-decision")).toHaveText("2");
    await expect(items).toHaveCount(2);

    await page.getByTestId("decisions-view-decided").click();
    const decided = page.getByTestId("decision-item");
    await expect(decided).toHaveCount(1);
    await expect(decided.getByTestId("decision-override")).toContainText("The platform team already runs RocketMQ.");
    await expect(decided.getByTestId("withdraw-open")).toBeVisible();
    await expect(page.getByTestId("iot-caveat")).toContainText("Deprecated");

    await switchLanguage(page, "简体中文");
    await expect(page.getByRole("heading", { name: "覆盖情况", exact: true })).toBeVisible();
    await expect(page.getByTestId("coverage-totals")).toContainText("需要决定");
    await page.getByTestId("decisions-view-open").click();
    await shot(page, "coverage-architect-zh");
    await switchLanguage(page, "English");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId("coverage-count-mapped")).toHaveText("4");
    await expect(page.getByTestId("decision-item")).toHaveCount(2);
    await expect(page.getByTestId("mapping-choices-form")).toBeVisible();
    await shot(page, "coverage-architect-phone");
    const sticking = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(sticking, "the page scrolls sideways on a phone").toBe(false);
  });
});

test.describe("a viewer reads the coverage", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("sees the same figures and decisions without any control, and the server refuses the action", async ({ page }) => {
    await page.goto("/service-map/coverage");
    const planId = await choosePlan(page);
    await page.goto("/service-map/coverage");
    await expect(page.getByTestId("coverage-count-mapped")).toHaveText("4");
    await expect(page.getByTestId("decision-item")).toHaveCount(2);
    await expect(page.getByTestId("decide-open")).toHaveCount(0);
    await expect(page.getByTestId("choices-save")).toHaveCount(0);
    await expect(page.getByTestId("iot-target")).toBeDisabled();
    await page.getByTestId("decisions-view-decided").click();
    await expect(page.getByTestId("decision-override")).toBeVisible();
    await expect(page.getByTestId("withdraw-open")).toHaveCount(0);

    const call = await callAction(page.request, "decideProposalAction", [
      { planId, runId: "any", kind: "AWS::SQS::Queue", arn: "arn:aws:sqs:eu-central-1:123456789012:telemetry-queue", status: "none", target: null, reason: "Viewer." },
    ]);
    expect(call.result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const csv = await page.request.get(`/api/plans/${planId}/exports/mapping?format=csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);

    await switchLanguage(page, "简体中文");
    await expect(page.getByTestId("coverage-totals")).toContainText("已映射");
    await shot(page, "coverage-viewer-zh");
    await switchLanguage(page, "English");
  });
});

import type { Page } from "@playwright/test";
import { test, expect, switchLanguage } from "@/e2e/support/fixtures";
import { storageStateOf } from "@/e2e/support/roles";

/**
 * An admin enters a connection whose endpoint override is a cloud metadata address: the server
 * refuses to save it, says why by the field and at the top of the form, in the admin's language,
 * and nothing is added.
 */
test.use({ storageState: storageStateOf("admin") });

async function tryMetadataEndpoint(page: Page, name: string, endpoint: string) {
  const form = page.getByTestId("create-connection-form");
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[type="radio"][value="default-chain"]').check();
  const advanced = form.locator("details");
  if (!(await advanced.evaluate((d) => (d as HTMLDetailsElement).open))) await advanced.locator("summary").click();
  await form.locator('input[name="endpointUrl"]').fill(endpoint);
  await form.locator('[data-testid="connection-regions"] input[type="checkbox"]').first().check();
  await form.locator('button[type="submit"]').click();
  return form;
}

test("a connection to a cloud metadata address is refused, with the reason by the field", async ({ page }, testInfo) => {
  await page.goto("/settings/connections");
  const form = await tryMetadataEndpoint(page, "Metadata probe", "http://169.254.169.254/latest/meta-data/");
  await expect(form.getByRole("alert").first()).toContainText("The endpoint 169.254.169.254 is a cloud metadata service: Silkroute never connects to it.");
  await expect(form.getByText("The endpoint 169.254.169.254 is a cloud metadata service").last()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("endpoint-refused-en.png"), fullPage: true });

  // The same address written as one decimal number is the same address.
  await form.locator('input[name="endpointUrl"]').fill("http://2852039166/");
  await form.locator('button[type="submit"]').click();
  await expect(form.getByRole("alert").first()).toContainText("The endpoint 169.254.169.254 is a cloud metadata service");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const phoneForm = await tryMetadataEndpoint(page, "Metadata probe", "http://[fd00:ec2::254]/");
  await expect(phoneForm.getByRole("alert").first()).toContainText("The endpoint fd00:ec2::254 is a cloud metadata service");
  await page.screenshot({ path: testInfo.outputPath("endpoint-refused-phone.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), "nothing sticks out on a phone").toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });

  await switchLanguage(page, "简体中文");
  const zhForm = await tryMetadataEndpoint(page, "元数据探测", "http://metadata.google.internal/");
  await expect(zhForm.getByRole("alert").first()).toContainText("是云元数据服务");
  await page.screenshot({ path: testInfo.outputPath("endpoint-refused-zh.png"), fullPage: true });
  await switchLanguage(page, "English");

  // Nothing was added.
  await page.goto("/settings/connections");
  await expect(page.getByTestId("connection-card").filter({ hasText: "Metadata probe" })).toHaveCount(0);
  await expect(page.getByTestId("connection-card").filter({ hasText: "元数据探测" })).toHaveCount(0);
});

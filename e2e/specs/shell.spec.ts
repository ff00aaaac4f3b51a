import { test, expect, switchLanguage } from "@/e2e/support/fixtures";
import { ROLES, storageStateOf } from "@/e2e/support/roles";

const SECTIONS = [
  { nav: "nav-inventory", path: "/inventory", en: "Inventory", zh: "资源清单" },
  { nav: "nav-serviceMap", path: "/service-map", en: "Service map", zh: "服务映射" },
  { nav: "nav-compliance", path: "/compliance", en: "Compliance", zh: "合规" },
  { nav: "nav-runbooks", path: "/runbooks", en: "Runbooks", zh: "迁移手册" },
  { nav: "nav-settings", path: "/settings", en: "Settings", zh: "设置" },
];

for (const role of ROLES) {
  test.describe(`the shell, as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test("walks every section in English and in Chinese", async ({ page }, testInfo) => {
      await page.goto("/inventory");
      await switchLanguage(page, "English");
      for (const section of SECTIONS) {
        await page.getByTestId(section.nav).click();
        await expect(page).toHaveURL(new RegExp(`${section.path}$`));
        await expect(page.getByRole("heading", { level: 1, name: section.en })).toBeVisible();
      }
      await page.goto("/inventory");
      await page.screenshot({ path: testInfo.outputPath(`${role}-inventory-en.png`), fullPage: true });
      await switchLanguage(page, "简体中文");
      for (const section of SECTIONS) {
        await page.getByTestId(section.nav).click();
        await expect(page.getByRole("heading", { level: 1, name: section.zh })).toBeVisible();
      }
      await page.screenshot({ path: testInfo.outputPath(`${role}-settings-zh.png`), fullPage: true });
      // The choice is remembered: on the account, and in the browser.
      await page.reload();
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await switchLanguage(page, "English");
    });
  });
}

test.describe("the shell on a phone", () => {
  test.use({ storageState: storageStateOf("engineer"), viewport: { width: 390, height: 844 } });

  test("folds the navigation into a menu", async ({ page }, testInfo) => {
    await page.goto("/compliance");
    await expect(page.getByTestId("nav-runbooks")).toBeHidden();
    await page.getByTestId("open-menu").click();
    await page.getByTestId("nav-runbooks").click();
    await expect(page).toHaveURL(/\/runbooks$/);
    await expect(page.getByRole("heading", { level: 1, name: "Runbooks" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("engineer-runbooks-phone.png"), fullPage: true });
  });
});

test("the language can be chosen before signing in and is kept", async ({ page }) => {
  await page.goto("/sign-in");
  await switchLanguage(page, "简体中文");
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  await switchLanguage(page, "English");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

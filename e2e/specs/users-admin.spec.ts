import { test, expect } from "@/e2e/support/fixtures";
import { demoEmail, storageStateOf } from "@/e2e/support/roles";

test.describe("an admin manages users and reads the audit log", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("adds a user, changes their role, disables them, and finds it all in the audit log", async ({ page }, testInfo) => {
    const email = `new-architect-${Date.now()}@example.com`;
    await page.goto("/settings/users");
    const form = page.getByTestId("create-user-form");
    await form.getByLabel("Name").fill("Nora New");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Role").selectOption("architect");
    await form.getByLabel("Initial password").fill("initial-password-1");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText("User added.")).toBeVisible();
    const row = page.getByTestId(`user-row-${email}`);
    await expect(row).toBeVisible();
    await row.getByLabel(`Role of ${email}`).selectOption("compliance");
    await expect(page.getByText("Role changed.")).toBeVisible();
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row.getByText("Disabled")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("admin-users.png"), fullPage: true });

    await page.goto("/settings/audit");
    await page.getByLabel("Action").fill("user.");
    await page.getByRole("button", { name: "Filter" }).click();
    const rows = page.getByTestId("audit-row");
    await expect(rows.filter({ hasText: "user.change_role" }).first()).toContainText('"to":"compliance"');
    await expect(rows.filter({ hasText: "user.set_disabled" }).first()).toBeVisible();
    await expect(rows.filter({ hasText: "user.create" }).first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("admin-audit.png"), fullPage: true });
  });

  test("a user input that would break the rules gets a clear message", async ({ page }) => {
    await page.goto("/settings/users");
    const form = page.getByTestId("create-user-form");
    await form.getByLabel("Name").fill("Short Password");
    await form.getByLabel("Email").fill(`short-${Date.now()}@example.com`);
    await form.getByLabel("Initial password").fill("short");
    // The browser's own check is bypassed, as a hostile client would.
    await form.evaluate((f) => f.setAttribute("novalidate", ""));
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText(/Some fields are not valid.*password/)).toBeVisible();
  });

  test("a refusal says exactly what is wrong, in the user's language, not only its kind", async ({ page, context }) => {
    const tryExistingEmail = async () => {
      const form = page.getByTestId("create-user-form");
      await form.getByLabel(/Name|姓名/).fill("Same Email");
      await form.getByLabel(/Email|电子邮箱/).fill(demoEmail("viewer"));
      await form.getByLabel(/Initial password|初始密码/).fill("a-long-enough-password");
      await form.getByRole("button", { name: /Add user|添加用户/ }).click();
    };
    await page.goto("/settings/users");
    await tryExistingEmail();
    // The reason (userEmailTaken), not the generic text of its code (CONFLICT).
    await expect(page.getByText("A user with this email already exists.", { exact: false })).toBeVisible();
    await expect(page.getByText("This conflicts with the current state.")).toHaveCount(0);
    await context.addCookies([{ name: "silkroute-locale", value: "zh-CN", url: page.url() }]);
    await page.reload();
    await tryExistingEmail();
    await expect(page.getByText("已存在使用此电子邮箱的用户。", { exact: false })).toBeVisible();
  });
});

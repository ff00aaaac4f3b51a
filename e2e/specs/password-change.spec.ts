import { test, expect, switchLanguage } from "@/e2e/support/fixtures";
import { CHOSEN_FOR_YOU_EMAIL, CHOSEN_FOR_YOU_PASSWORD } from "@/e2e/support/constants";
import { callAction } from "@/e2e/support/server-actions";

/**
 * A password someone else chose (the first admin's one-time password, printed once on the
 * server's console) opens one door only: choosing one's own. The server, not the menu, holds the
 * user there: every page sends them back, routes and actions refuse.
 */
test("a user whose password was chosen for them must choose their own before anything else", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(CHOSEN_FOR_YOU_EMAIL);
  await page.getByLabel("Password").fill(CHOSEN_FOR_YOU_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByRole("heading", { name: "Choose your own password" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("change-password-en.png"), fullPage: true });
  await switchLanguage(page, "简体中文");
  await expect(page.getByRole("heading", { name: "设置您自己的密码" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("change-password-zh.png"), fullPage: true });
  await switchLanguage(page, "English");
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("change-password-phone.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  if (size) await page.setViewportSize(size);

  for (const path of ["/inventory", "/settings/users", "/settings/audit"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/change-password$/);
  }
  const api = await page.request.get("/api/users");
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("PASSWORD_CHANGE_REQUIRED");
  const action = await callAction(page.request, "createUserAction", [{ email: "sneaky@example.com", name: "Sneaky", role: "admin", password: "a-long-enough-password" }]);
  expect(action.result).toMatchObject({ ok: false, error: { code: "PASSWORD_CHANGE_REQUIRED" } });

  // A password of their own opens Silkroute.
  const newPassword = "my-own-choice-9876543210";
  await page.getByLabel("Current password").fill(CHOSEN_FOR_YOU_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/inventory$/);
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/settings\/users$/);
  const users = await page.request.get("/api/users");
  expect(users.status()).toBe(200);
  expect(((await users.json()).users as Array<{ email: string }>).some((u) => u.email === "sneaky@example.com")).toBe(false);

  // The printed password is spent.
  await page.getByTestId("user-menu").click();
  await page.getByTestId("sign-out").click();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(CHOSEN_FOR_YOU_EMAIL);
  await page.getByLabel("Password").fill(CHOSEN_FOR_YOU_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not right. Check both and try again; if you have forgotten your password, ask an admin to set a new one.");
});

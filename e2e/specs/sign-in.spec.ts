import { test, expect } from "@/e2e/support/fixtures";
import { DEMO_PASSWORD, demoEmail, storageStateOf } from "@/e2e/support/roles";
import { callAction } from "@/e2e/support/server-actions";

async function signIn(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function auditFor(page: import("@playwright/test").Page, query: string) {
  const admin = await page.context().browser()!.newContext({ storageState: storageStateOf("admin") });
  const events = (await (await admin.request.get(`/api/audit?${query}`)).json()).events as Array<Record<string, unknown>>;
  await admin.close();
  return events;
}

test("an engineer signs in, lands on the inventory, and signs out", async ({ page }) => {
  await signIn(page, demoEmail("engineer"), DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/inventory$/);
  await expect(page.getByRole("heading", { name: "Inventory", level: 1 })).toBeVisible();
  await expect(page.getByTestId("current-role")).toHaveText("Engineer");
  await page.getByTestId("user-menu").click();
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out/);
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/inventory");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password is refused with a clear message and audited", async ({ page }) => {
  await signIn(page, demoEmail("architect"), "not-the-password");
  await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not right. Check both and try again; if you have forgotten your password, ask an admin to set a new one.");
  await expect(page).toHaveURL(/\/sign-in/);
  const events = await auditFor(page, "action=auth.sign_in&outcome=failure&actor=architect@");
  expect(events.length).toBeGreaterThan(0);
  expect(events[0]!.ipAddress).toMatch(/^(127\.0\.0\.1|::1)$/); // the browser's loopback address
});

test("an unknown user gets the same message, so accounts cannot be discovered", async ({ page }) => {
  await signIn(page, "nobody@example.com", "whatever-password");
  await expect(page.getByTestId("sign-in-error")).toHaveText("The email or password is not right. Check both and try again; if you have forgotten your password, ask an admin to set a new one.");
  const events = await auditFor(page, "action=auth.sign_in&outcome=failure&actor=nobody@example.com");
  expect(events.length).toBe(1);
});

test("after sign-in the browser goes where it was going, but never off-site", async ({ page }) => {
  await page.goto("/sign-in?next=%2Fsettings%2Fplans");
  await page.getByLabel("Email").fill(demoEmail("viewer"));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/plans$/);
  await page.context().clearCookies();
  await page.goto("/sign-in?next=%2F%2Fevil.example.com");
  await page.getByLabel("Email").fill(demoEmail("viewer"));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/inventory$/);
  // The tab-and-slash form of the same trick, as the issue reported it.
  await page.context().clearCookies();
  await page.goto("/sign-in?next=/%09/evil.example.com");
  await page.getByLabel("Email").fill(demoEmail("viewer"));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/inventory$/);
});

test.describe("an expired session", () => {
  test("is sent back to sign in with a notice, and the API answers 401 SESSION_EXPIRED", async ({ page, browser }) => {
    // A user of its own, so ending its sessions does not disturb the other tests.
    const email = `expiring-${Date.now()}@example.com`;
    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const created = await callAction(admin.request, "createUserAction", [{ email, name: "Expiring", role: "engineer", password: "first-password-123" }]);
    expect(created.result?.ok).toBe(true);
    await signIn(page, email, "first-password-123");
    await expect(page).toHaveURL(/\/inventory$/);
    const id = (created.result!.data as { id: string }).id;
    // An admin sets a new password: every session of that user ends.
    const reset = await callAction(admin.request, "resetUserPasswordAction", [{ userId: id, password: "second-password-456" }]);
    expect(reset.result?.ok).toBe(true);
    await admin.close();
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings&reason=expired/);
    await expect(page.getByText("Your session has expired. Sign in again to continue.")).toBeVisible();
    const api = await page.request.get("/api/audit");
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBe("SESSION_EXPIRED");
  });
});

test("a disabled account cannot sign in", async ({ page, browser }) => {
  const email = `disabled-${Date.now()}@example.com`;
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const created = await callAction(admin.request, "createUserAction", [{ email, name: "Disabled", role: "viewer", password: "disabled-password-1" }]);
  const id = (created.result!.data as { id: string }).id;
  expect((await callAction(admin.request, "setUserDisabledAction", [{ userId: id, disabled: true }])).result?.ok).toBe(true);
  await admin.close();
  await signIn(page, email, "disabled-password-1");
  await expect(page.getByTestId("sign-in-error")).toHaveText("This account is disabled. Ask an admin to enable it in Settings → Users.");
});

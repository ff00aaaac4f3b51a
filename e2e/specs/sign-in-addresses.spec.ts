import os from "node:os";
import { test, expect } from "@/e2e/support/fixtures";
import { DEMO_PASSWORD, demoEmail } from "@/e2e/support/roles";
import { E2E_PORT } from "@/e2e/support/constants";
import { proxied, proxiedContext, waitForProxiedServer } from "@/e2e/support/proxied";

async function signIn(page: import("@playwright/test").Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("without SILKROUTE_URL, sign-in works at every loopback address", () => {
  for (const host of ["127.0.0.1", "localhost", "[::1]"]) {
    test(`at http://${host}:PORT`, async ({ browser }) => {
      const origin = `http://${host}:${E2E_PORT}`;
      const context = await browser.newContext({ baseURL: origin });
      const page = await context.newPage();
      await page.goto("/sign-in");
      await expect(page.getByTestId("sign-in-address")).toHaveCount(0);
      await signIn(page, demoEmail("viewer"));
      await expect(page).toHaveURL(`${origin}/inventory`);
      const session = (await context.cookies()).find((c) => c.name.endsWith("silkroute.session_token"));
      expect(session, "the browser kept the session cookie").toBeDefined();
      expect(session!.httpOnly).toBe(true);
      expect(session!.sameSite).toBe("Lax");
      // Plain http, even on loopback: Safari drops Secure cookies there (docs/decisions/0003).
      expect(session!.secure).toBe(false);
      // The session holds: another page, rendered on the server, knows who this is.
      await page.goto("/settings");
      await expect(page).toHaveURL(`${origin}/settings`);
      await expect(page.getByTestId("current-role")).toHaveText("Viewer");
      await context.close();
    });
  }
});

test.describe("behind a TLS proxy with SILKROUTE_URL", () => {
  test.beforeAll(async () => {
    await waitForProxiedServer();
  });

  test("signs in at SILKROUTE_URL with Secure cookies", async ({ browser }) => {
    const context = await proxiedContext(browser);
    const page = await context.newPage();
    await page.goto("/sign-in");
    await expect(page.getByTestId("sign-in-address")).toHaveCount(0);
    await signIn(page, demoEmail("engineer"));
    await expect(page).toHaveURL(`${proxied().url}/inventory`);
    const session = (await context.cookies()).find((c) => c.name.endsWith("silkroute.session_token"));
    expect(session?.name).toBe("__Secure-silkroute.session_token");
    expect(session!.secure).toBe(true);
    expect(session!.httpOnly).toBe(true);
    await page.goto("/settings");
    await expect(page.getByTestId("current-role")).toHaveText("Engineer");
    await context.close();
  });

  test("another address is told which address to use and which setting to change, in both languages", async ({ browser }) => {
    const E2E_PROXIED_URL = proxied().url;
    const other = `https://127.0.0.1:${proxied().port}`;
    const context = await proxiedContext(browser, { baseURL: other });
    const page = await context.newPage();
    await page.goto("/sign-in");
    const notice = page.getByTestId("sign-in-address");
    await expect(notice).toContainText(`set up to be used at ${E2E_PROXIED_URL}`);
    await expect(notice).toContainText(`Open ${E2E_PROXIED_URL} to sign in`);
    await expect(notice).toContainText("SILKROUTE_URL");
    // Trying anyway is refused by the origin check, with the same explanation, not a generic text.
    await signIn(page, demoEmail("engineer"));
    const error = page.getByTestId("sign-in-error");
    await expect(error).toContainText(`Open ${E2E_PROXIED_URL} to sign in`);
    await expect(error).not.toContainText("not possible right now");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByTestId("language-switch").locator("visible=true").first().selectOption({ label: "简体中文" });
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    // The refusal follows the change of language.
    await expect(page.getByTestId("sign-in-error")).toContainText(`请打开 ${E2E_PROXIED_URL} 登录`);
    await expect(page.getByTestId("sign-in-error")).toContainText("SILKROUTE_URL");
    await page.reload();
    await expect(page.getByTestId("sign-in-address")).toContainText(`请打开 ${E2E_PROXIED_URL} 登录`);
    await context.close();
  });
});

test("without SILKROUTE_URL, the app reached at a network address says where to sign in and what to set", async ({ browser }) => {
  // This machine's own network address (not loopback), as another machine would reach it.
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
  test.skip(!address, "this machine has no network address besides loopback");
  const context = await browser.newContext({ baseURL: `http://${address}:${E2E_PORT}` });
  const page = await context.newPage();
  await page.goto("/sign-in");
  const notice = page.getByTestId("sign-in-address");
  await expect(notice).toContainText("Without SILKROUTE_URL");
  await expect(notice).toContainText(`Open http://localhost:${E2E_PORT} there`);
  await signIn(page, demoEmail("viewer"));
  await expect(page.getByTestId("sign-in-error")).toContainText("SILKROUTE_URL");
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

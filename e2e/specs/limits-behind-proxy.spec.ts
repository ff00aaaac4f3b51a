import { test, expect } from "@/e2e/support/fixtures";
import { E2E_ACCOUNT_MAX_FAILURES, E2E_SIGNIN_MAX_ATTEMPTS } from "@/e2e/support/constants";
import { storageStateOf } from "@/e2e/support/roles";
import { callAction } from "@/e2e/support/server-actions";
import { fetchThroughProxy, waitForProxiedServer } from "@/e2e/support/proxied";

// Runs in the "rate-limit" project, last: it spends sign-in attempts on purpose. Its file name
// sorts before rate-limit.spec.ts, which exhausts the browser's own address: the last test here
// needs that address still free.

async function auditEvents(browser: import("@playwright/test").Browser, query: string) {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const events = (await (await admin.request.get(`/api/audit?${query}&limit=100`)).json()).events as Array<{ ipAddress: string | null; outcome: string; details: Record<string, unknown> | null }>;
  await admin.close();
  return events;
}

const signInBody = (email: string, password: string) => ({ email, password });

test.beforeAll(async () => {
  await waitForProxiedServer();
});

test("behind one trusted proxy, the audit log records the address the proxy saw, not what the client claimed", async ({ browser }) => {
  const email = `forged-${Date.now()}@example.com`;
  const r = await fetchThroughProxy({ path: "/api/auth/sign-in/email", from: "127.0.0.7", forwardedFor: "6.6.6.6, 10.9.9.9", body: signInBody(email, "wrong-password-1") });
  expect(r.status).toBe(401);
  const events = await auditEvents(browser, `action=auth.sign_in&actor=${encodeURIComponent(email)}`);
  expect(events.map((e) => e.ipAddress)).toEqual(["127.0.0.7"]);
});

test("behind one trusted proxy, a forged X-Forwarded-For does not escape the per-address limit", async () => {
  const statuses: number[] = [];
  for (let i = 0; i < E2E_SIGNIN_MAX_ATTEMPTS + 2; i++) {
    // Each guess claims another address and tries another email (so no account lock decides).
    const r = await fetchThroughProxy({
      path: "/api/auth/sign-in/email",
      from: "127.0.0.8",
      forwardedFor: `203.0.113.${i + 1}`,
      body: signInBody(`spray-${i}-${Date.now()}@example.com`, "wrong-password-1"),
    });
    statuses.push(r.status);
  }
  expect(statuses.slice(0, E2E_SIGNIN_MAX_ATTEMPTS).every((s) => s === 401), statuses.join(",")).toBe(true);
  expect(statuses.slice(E2E_SIGNIN_MAX_ATTEMPTS)).toEqual([429, 429]);
  // Another client behind the same proxy is not held back by that one.
  const other = await fetchThroughProxy({ path: "/api/auth/sign-in/email", from: "127.0.0.9", body: signInBody(`other-${Date.now()}@example.com`, "wrong-password-1") });
  expect(other.status).toBe(401);
});

test("an account is locked after repeated failures from different addresses, and the sign-in page says until when", async ({ browser, page }) => {
  const email = `locked-${Date.now()}@example.com`;
  const password = "the-right-password-9";
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const created = await callAction(admin.request, "createUserAction", [{ email, name: "Locked Out", role: "viewer", password }]);
  expect(created.result?.ok).toBe(true);
  await admin.close();
  for (let i = 0; i < E2E_ACCOUNT_MAX_FAILURES; i++) {
    const r = await fetchThroughProxy({ path: "/api/auth/sign-in/email", from: `127.0.0.${20 + i}`, body: signInBody(email, `wrong-${i}-password`) });
    expect(r.status).toBe(401);
  }
  // From yet another address, with the right password: refused, and for how long.
  const refused = await fetchThroughProxy({ path: "/api/auth/sign-in/email", from: "127.0.0.30", body: signInBody(email, password) });
  expect(refused.status).toBe(429);
  expect(refused.json.code).toBe("ACCOUNT_LOCKED");
  expect(Number(refused.json.retryAfter)).toBeGreaterThan(500);
  const events = await auditEvents(browser, `action=auth.sign_in&actor=${encodeURIComponent(email)}`);
  expect(events.filter((e) => e.outcome === "failure").map((e) => e.ipAddress).sort()).toEqual(["127.0.0.20", "127.0.0.21", "127.0.0.22", "127.0.0.23"]);
  expect(events.filter((e) => e.outcome === "denied").map((e) => e.ipAddress)).toEqual(["127.0.0.30"]);

  // The browser, on the other server and from its own address, meets the same lock, explained.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const error = page.getByTestId("sign-in-error");
  await expect(error).toContainText("Too many failed sign-ins for this account: it is locked until");
  await expect(error).toContainText(/\d{1,2}:\d{2}/);
  await expect(error).toContainText("ask an admin to set a new password");
  await page.screenshot({ path: "test-results/sign-in-locked.png" });
});

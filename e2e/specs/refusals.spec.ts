import { test, expect } from "@/e2e/support/fixtures";
import { storageStateOf } from "@/e2e/support/roles";
import { callAction } from "@/e2e/support/server-actions";

/** Refusals are written to the audit log; an admin reads them through the product. */
async function auditEntries(page: import("@playwright/test").Page, query: string) {
  const admin = await page.context().browser()!.newContext({ storageState: storageStateOf("admin") });
  const body = await (await admin.request.get(`/api/audit?${query}`)).json();
  await admin.close();
  return body.events as Array<{ actorEmail: string | null; action: string; outcome: string; details: Record<string, unknown> | null; ipAddress: string | null }>;
}

test.describe("a viewer reaching for admin powers", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("opening an admin page by URL is refused by the server with 403 and audited", async ({ page }) => {
    const response = await page.goto("/settings/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByText("You do not have access to this page")).toBeVisible();
    const events = await auditEntries(page, "action=access.page&outcome=denied&actor=viewer@");
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]!.details).toMatchObject({ permission: "users.manage" });
  });

  test("calling the admin API directly answers 403 with a code, and is audited", async ({ page }) => {
    const response = await page.request.get("/api/audit");
    expect(response.status()).toBe(403);
    const body = await response.json();
    expect(body.error.code).toBe("FORBIDDEN");
    expect(body.error.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|stack/i);
    const events = await auditEntries(page, "action=access.api&outcome=denied&actor=viewer@");
    expect(events.length).toBeGreaterThan(0);
  });

  test("calling an admin server action by its id is refused and audited", async ({ page }) => {
    const call = await callAction(page.request, "createUserAction", [{ email: "intruder@example.com", name: "Intruder", role: "admin", password: "a-long-enough-password" }]);
    expect(call.result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const events = await auditEntries(page, "action=user.create&outcome=denied");
    expect(events.some((e) => e.actorEmail?.startsWith("viewer@"))).toBe(true);
    const admin = await page.context().browser()!.newContext({ storageState: storageStateOf("admin") });
    const users = (await (await admin.request.get("/api/users")).json()).users as Array<{ email: string }>;
    await admin.close();
    expect(users.some((u) => u.email === "intruder@example.com")).toBe(false);
  });
});

test.describe("without a session", () => {
  test("pages send the browser to sign in and keep where it was going", async ({ page }) => {
    await page.goto("/settings/plans");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fplans$/);
  });

  test("the API answers 401 UNAUTHENTICATED", async ({ request }) => {
    const response = await request.get("/api/users");
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
  });

  test("server actions answer UNAUTHENTICATED", async ({ request }) => {
    const call = await callAction(request, "changeUserRoleAction", [{ userId: "x", role: "admin" }]);
    expect(call.result).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});

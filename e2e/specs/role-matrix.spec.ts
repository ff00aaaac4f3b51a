import type { APIRequestContext, APIResponse, Browser } from "@playwright/test";
import { test, expect } from "@/e2e/support/fixtures";
import { demoEmail, storageStateOf, type Role } from "@/e2e/support/roles";
import { callAction } from "@/e2e/support/server-actions";
import { E2E_BASE_URL } from "@/e2e/support/constants";
import { ACCESS_MATRIX, EVERY_WHO, rowTitle, UNIQUE, VIEWER_EMAIL, VIEWER_ID, type AccessRow, type Who } from "@/e2e/support/access-matrix";

/**
 * Each role, and a visitor without a session, may do exactly what Silkroute promises: the
 * hand-written matrix in e2e/support/access-matrix.ts (not the product's own permission table),
 * checked against the server for every server action (called by its id, as any HTTP client
 * can), every method of every route handler and every page. An allowed call succeeds or fails
 * for a reason of the domain only; a refused one answers FORBIDDEN (UNAUTHENTICATED without a
 * session), and a refusal of a signed-in user is in the audit log under its request id.
 */

const ANONYMOUS_STATE = { cookies: [], origins: [] };

async function asAdmin<T>(browser: Browser, fn: (request: APIRequestContext) => Promise<T>): Promise<T> {
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  try {
    return await fn(admin.request);
  } finally {
    await admin.close();
  }
}

let viewer: { id: string; email: string } | null = null;
async function viewerAccount(browser: Browser) {
  if (!viewer) {
    const users = await asAdmin(browser, async (r) => ((await (await r.get("/api/users")).json()) as { users: Array<{ id: string; email: string }> }).users);
    viewer = users.find((u) => u.email === demoEmail("viewer"))!;
  }
  return viewer;
}

async function fill(args: unknown[], who: Who, browser: Browser): Promise<unknown[]> {
  let text = JSON.stringify(args).replaceAll(UNIQUE, `${who}-${Date.now()}`);
  if (text.includes(VIEWER_ID) || text.includes(VIEWER_EMAIL)) {
    const v = await viewerAccount(browser);
    text = text.replaceAll(VIEWER_ID, v.id).replaceAll(VIEWER_EMAIL, v.email);
  }
  return JSON.parse(text) as unknown[];
}

/** The refusal of `who`'s request `requestId` is in the audit log, as the admin reads it. */
async function expectRefusalAudited(browser: Browser, who: Role, requestId: string | undefined | null, what: string) {
  expect(requestId, `${what}: the refusal names its request`).toBeTruthy();
  const events = await asAdmin(browser, async (r) => {
    const response = await r.get(`/api/audit?${new URLSearchParams({ actor: demoEmail(who), outcome: "denied", limit: "200" })}`);
    return ((await response.json()) as { events: Array<{ requestId: string | null; actorEmail: string | null; outcome: string }> }).events;
  });
  expect(events.filter((e) => e.requestId === requestId), `${what}: the refusal of ${who} is in the audit log`).toHaveLength(1);
}

async function errorCodeOf(response: APIResponse): Promise<string | null> {
  try {
    return ((await response.json()) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

async function probe(row: AccessRow, who: Who, request: APIRequestContext, browser: Browser) {
  const allowed = row.allowed.includes(who);
  const what = `${who} ${rowTitle(row)}`;
  if (row.kind === "action") {
    const call = await callAction(request, row.name, await fill(row.args, who, browser));
    expect(call.result, `${what} answered: ${call.body.slice(0, 300)}`).not.toBeNull();
    const result = call.result!;
    if (allowed && row.allowedCode) expect(result.error?.code, `${what}: ${JSON.stringify(result)}`).toBe(row.allowedCode);
    else if (allowed) expect(result.ok, `${what}: ${JSON.stringify(result)}`).toBe(true);
    else if (who === "anonymous") expect(result.error?.code, `${what}: ${JSON.stringify(result)}`).toBe("UNAUTHENTICATED");
    else {
      expect(result.error?.code, `${what}: ${JSON.stringify(result)}`).toBe("FORBIDDEN");
      await expectRefusalAudited(browser, who, (result.error as { requestId?: string } | undefined)?.requestId, what);
    }
    // What an allowed probe made is put away again, through the product's own actions.
    if (allowed && result.ok && row.name === "createConnectionAction") {
      const made = result.data as { id: string };
      expect((await callAction(request, "deleteConnectionAction", [{ connectionId: made.id }])).result?.ok).toBe(true);
    }
    if (allowed && result.ok && row.name === "createPlanAction") {
      const made = result.data as { id: string };
      expect((await callAction(request, "archivePlanAction", [{ planId: made.id }])).result?.ok).toBe(true);
    }
    return;
  }
  if (row.kind === "route") {
    // A POST carries its origin, as a browser's does (better-auth refuses one without).
    const response =
      row.method === "POST"
        ? await request.post(row.path, { data: row.body ?? {}, maxRedirects: 0, headers: { origin: E2E_BASE_URL } })
        : await request.get(row.path, { maxRedirects: 0 });
    if (allowed) {
      expect(response.status(), what).toBe(row.allowedStatus ?? 200);
      if (row.allowedStatus === 404) expect(await errorCodeOf(response), what).toBe("NOT_FOUND");
    } else if (who === "anonymous") {
      expect(response.status(), what).toBe(401);
      const code = await errorCodeOf(response);
      if (!row.path.startsWith("/api/auth/")) expect(code, what).toBe("UNAUTHENTICATED");
    } else {
      expect(response.status(), what).toBe(403);
      expect(await errorCodeOf(response), what).toBe("FORBIDDEN");
      await expectRefusalAudited(browser, who, response.headers()["x-request-id"], what);
    }
    return;
  }
  const response = await request.get(row.path, { maxRedirects: 0 });
  const status = response.status();
  if (row.open) {
    expect(status, what).toBeLessThan(400);
  } else if (allowed) {
    if (row.allowedStatus === "redirect") expect([302, 303, 307, 308], what).toContain(status);
    else expect(status, what).toBe(row.allowedStatus ?? 200);
  } else if (who === "anonymous") {
    expect([302, 303, 307, 308], what).toContain(status);
    expect(response.headers()["location"] ?? "", what).toContain("/sign-in");
  } else {
    expect(status, what).toBe(403);
    await expectRefusalAudited(browser, who, response.headers()["x-request-id"], what);
  }
}

for (const who of EVERY_WHO) {
  test.describe(`as ${who}`, () => {
    test.use({ storageState: who === "anonymous" ? ANONYMOUS_STATE : storageStateOf(who) });

    for (const row of ACCESS_MATRIX) {
      const allowed = row.allowed.includes(who);
      test(`${allowed ? "may" : "may not"} ${rowTitle(row)}`, async ({ page, browser }) => {
        await probe(row, who, page.request, browser);
      });
    }

    if (who !== "anonymous") {
      test("sees in the settings menu exactly what the server lets it open", async ({ page }) => {
        const opens = (path: string) => ACCESS_MATRIX.some((r) => r.kind === "page" && r.path === path && r.allowed.includes(who));
        await page.goto("/settings");
        const menu = page.getByRole("navigation", { name: "Settings" });
        await expect(menu.getByTestId("settings-nav-users")).toHaveCount(opens("/settings/users") ? 1 : 0);
        await expect(menu.getByTestId("settings-nav-audit")).toHaveCount(opens("/settings/audit") ? 1 : 0);
        await expect(menu.getByTestId("settings-nav-connections")).toHaveCount(opens("/settings/connections") ? 1 : 0);
        await expect(menu.getByTestId("settings-nav-profile")).toHaveCount(1);
      });
    }
  });
}

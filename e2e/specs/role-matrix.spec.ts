import { test, expect } from "@/e2e/support/fixtures";
import { ROLES, storageStateOf, type Role } from "@/e2e/support/roles";
import { callAction } from "@/e2e/support/server-actions";
import { can, PERMISSIONS, type Permission } from "@/lib/auth/permissions";

/**
 * Each role may do exactly what lib/auth/permissions.ts says, checked against the server: pages
 * answer 200 or 403, API routes 200 or 403, server actions called by id run or answer
 * FORBIDDEN. Every permission in the table needs a probe here (or says which stage brings its
 * first endpoint), so a new permission cannot go unchecked.
 */
type Probe =
  | { kind: "page"; path: string }
  /** A GET, or a POST with a JSON body; `allowedStatus` when an allowed call answers other than 200 (e.g. 404 for a made-up id). */
  | { kind: "api"; path: string; method?: "GET" | "POST"; body?: unknown; allowedStatus?: number }
  /** `allowedCode`: the error an allowed role gets (e.g. NOT_FOUND for a made-up id) instead of success. */
  | { kind: "action"; name: string; args: (role: Role) => unknown[]; allowedCode?: string };

const PROBES: Record<Permission, Probe[] | { pending: string }> = {
  "plan.read": [{ kind: "page", path: "/settings" }, { kind: "page", path: "/settings/plans" }],
  "plan.manage": [
    { kind: "action", name: "createPlanAction", args: (role) => [{ name: `Probe plan (${role})`, sourceRegions: ["eu-central-1"], targetRegions: ["cn-shanghai"] }] },
  ],
  "inventory.read": [{ kind: "page", path: "/inventory" }],
  "scan.run": [
    // A plan that does not exist: allowed roles get past the permission check to NOT_FOUND.
    { kind: "api", method: "POST", path: "/api/plans/no-such-plan/scan-estimate", body: { mode: "summary" }, allowedStatus: 404 },
    { kind: "action", name: "startScanAction", args: () => [{ planId: "no-such-plan", mode: "summary", includeShadows: false }], allowedCode: "NOT_FOUND" },
    { kind: "action", name: "cancelScanAction", args: () => [{ scanId: "no-such-scan" }], allowedCode: "NOT_FOUND" },
  ],
  "connection.read": [
    { kind: "page", path: "/settings/connections" },
    { kind: "api", path: "/api/connections" },
  ],
  "connection.manage": [{ kind: "action", name: "testConnectionAction", args: () => [{ connectionId: "no-such-connection" }], allowedCode: "NOT_FOUND" }],
  "servicemap.read": [{ kind: "page", path: "/service-map" }],
  "mapping.decide": { pending: "the service-mapping stage" },
  "compliance.read": [{ kind: "page", path: "/compliance" }],
  "compliance.signoff": { pending: "the compliance stage" },
  "runbook.read": [{ kind: "page", path: "/runbooks" }],
  "runbook.execute": { pending: "the runbook stage" },
  "users.manage": [
    { kind: "page", path: "/settings/users" },
    { kind: "api", path: "/api/users" },
    // Sets the viewer's role to what it already is: a real change of nothing.
    { kind: "action", name: "changeUserRoleAction", args: () => [{ userId: "__viewer__", role: "viewer" }] },
  ],
  "audit.read": [
    { kind: "page", path: "/settings/audit" },
    { kind: "api", path: "/api/audit" },
  ],
};

test("every permission has a probe or names the stage that brings it", () => {
  expect(Object.keys(PROBES).sort()).toEqual(Object.keys(PERMISSIONS).sort());
});

for (const role of ROLES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    for (const [permission, probes] of Object.entries(PROBES) as Array<[Permission, Probe[] | { pending: string }]>) {
      if (!Array.isArray(probes)) continue;
      const allowed = can(role, permission);
      test(`${allowed ? "may" : "may not"} ${permission}`, async ({ page }) => {
        for (const probe of probes) {
          if (probe.kind === "page" || probe.kind === "api") {
            const response =
              probe.kind === "api" && probe.method === "POST"
                ? await page.request.post(probe.path, { data: probe.body ?? {}, maxRedirects: 0 })
                : await page.request.get(probe.path, { maxRedirects: 0 });
            const allowedStatus = probe.kind === "api" ? (probe.allowedStatus ?? 200) : 200;
            expect(response.status(), `${probe.kind} ${probe.path}`).toBe(allowed ? allowedStatus : 403);
            if (probe.kind === "api" && !allowed) {
              expect((await response.json()).error.code).toBe("FORBIDDEN");
            }
          } else {
            let args = probe.args(role);
            if (JSON.stringify(args).includes("__viewer__")) {
              // The viewer's id, read as an admin would see it: through the product's own API.
              const admin = await page.context().browser()!.newContext({ storageState: storageStateOf("admin") });
              const users = (await (await admin.request.get("/api/users")).json()).users as Array<{ id: string; email: string }>;
              await admin.close();
              const viewer = users.find((u) => u.email.startsWith("viewer@"))!;
              args = JSON.parse(JSON.stringify(args).replace("__viewer__", viewer.id));
            }
            const call = await callAction(page.request, probe.name, args);
            expect(call.result, `action ${probe.name} answered: ${call.body.slice(0, 300)}`).not.toBeNull();
            if (allowed && probe.allowedCode) expect(call.result!.error?.code, JSON.stringify(call.result)).toBe(probe.allowedCode);
            else if (allowed) expect(call.result!.ok, JSON.stringify(call.result)).toBe(true);
            else expect(call.result!.error?.code).toBe("FORBIDDEN");
          }
        }
      });
    }

    test("sees in the settings menu exactly what the server lets it open", async ({ page }) => {
      await page.goto("/settings");
      const menu = page.getByRole("navigation", { name: "Settings" });
      await expect(menu.getByTestId("settings-nav-users")).toHaveCount(can(role, "users.manage") ? 1 : 0);
      await expect(menu.getByTestId("settings-nav-audit")).toHaveCount(can(role, "audit.read") ? 1 : 0);
      await expect(menu.getByTestId("settings-nav-profile")).toHaveCount(1);
      const listed = await page.getByTestId("my-permissions").locator("li").count();
      expect(listed).toBe((Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p)).length);
    });
  });
}

/**
 * Who may call what: Silkroute's promise, written here by hand (role x endpoint x allowed), not
 * read from the product's permission table (lib/auth/permissions.ts), so that a wrong grant in
 * the product is a failing test rather than a wrong grant expected. Every server action in
 * lib/actions, every method a route handler in app/api exports, and every page has a row:
 * e2e/support/access-matrix.test.ts fails when a file is added without one, and
 * e2e/specs/role-matrix.spec.ts calls each row as each role and as an anonymous visitor.
 *
 * An allowed call either succeeds or fails for a reason of the domain only (NOT_FOUND for a
 * made-up id, CONFLICT for an address already taken); a refused one answers FORBIDDEN (401
 * UNAUTHENTICATED without a session) and the refusal is in the audit log.
 */

export type Who = "admin" | "architect" | "compliance" | "engineer" | "viewer" | "anonymous";
export const EVERY_WHO: readonly Who[] = ["admin", "architect", "compliance", "engineer", "viewer", "anonymous"];

const ALL_ROLES = ["admin", "architect", "compliance", "engineer", "viewer"] as const satisfies readonly Who[];
const ADMIN = ["admin"] as const satisfies readonly Who[];
const SCANNERS = ["admin", "engineer"] as const satisfies readonly Who[];
const CONNECTION_READERS = ["admin", "architect", "engineer"] as const satisfies readonly Who[];
const ANYONE = [...ALL_ROLES, "anonymous"] as const satisfies readonly Who[];
const DECIDERS = ["admin", "architect"] as const satisfies readonly Who[];

/** Stand-ins the spec fills in: the viewer's user id, a name unique to the call. */
export const VIEWER_ID = "__viewer_id__";
export const VIEWER_EMAIL = "__viewer_email__";
export const UNIQUE = "__unique__";

export interface ActionRow {
  kind: "action";
  /** The file under lib/actions that defines it. */
  file: string;
  name: string;
  allowed: readonly Who[];
  args: unknown[];
  /** The error an allowed caller gets (a domain reason), when it is not a success. */
  allowedCode?: string;
}

export interface RouteRow {
  kind: "route";
  /** The route file under app/api. */
  file: string;
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  allowed: readonly Who[];
  /** What an allowed caller gets: 200 unless said (404 for a made-up id). */
  allowedStatus?: number;
}

export interface PageRow {
  kind: "page";
  file: string;
  path: string;
  allowed: readonly Who[];
  /** What an allowed caller gets: 200 unless said; "redirect" for a page that sends one on. */
  allowedStatus?: number | "redirect";
  /** A page anyone may open, signed in or not (the sign-in pages). */
  open?: boolean;
}

export type AccessRow = ActionRow | RouteRow | PageRow;

const planInput = { name: `Probe plan ${UNIQUE}`, description: "", sourceRegions: ["eu-central-1"], targetRegions: ["cn-shanghai"] };
const connectionInput = { name: `Probe connection ${UNIQUE}`, authMode: "access-keys", accessKeyId: "AKIAPROBEPROBEPROBE0", secretAccessKey: "probe-secret-never-used-0123456789", regions: ["eu-central-1"] };
/** A valid catalogue entry of a kind no catalogue has: an allowed edit of it is NOT_FOUND. */
const probeCatalogueEntry = {
  kind: "AWS::Probe::Missing",
  awsService: "Probe",
  category: "compute",
  targets: [
    {
      rank: 1,
      name: "Probe",
      rosType: null,
      fit: "none",
      differs: "Probe.",
      gaps: [],
      availability: { mainlandChina: { status: "unknown" }, international: { status: "unknown" } },
      source: "https://www.alibabacloud.com/help",
      verifiedOn: "2026-12-01",
      confidence: "low",
    },
  ],
};
const made = { plan: "no-such-plan", scan: "no-such-scan", connection: "no-such-connection", user: "no-such-user", resource: "999999999999" };

export const ACCESS_MATRIX: readonly AccessRow[] = [
  // Plans
  { kind: "action", file: "lib/actions/plans/create-plan.ts", name: "createPlanAction", allowed: ADMIN, args: [planInput] },
  { kind: "action", file: "lib/actions/plans/update-plan.ts", name: "updatePlanAction", allowed: ADMIN, args: [{ ...planInput, planId: made.plan }], allowedCode: "NOT_FOUND" },
  { kind: "action", file: "lib/actions/plans/archive-plan.ts", name: "archivePlanAction", allowed: ADMIN, args: [{ planId: made.plan }], allowedCode: "NOT_FOUND" },
  { kind: "action", file: "lib/actions/plans/select-plan.ts", name: "selectPlanAction", allowed: ALL_ROLES, args: [{ planId: made.plan }], allowedCode: "NOT_FOUND" },
  // Connections
  { kind: "action", file: "lib/actions/connections/create-connection.ts", name: "createConnectionAction", allowed: ADMIN, args: [connectionInput] },
  { kind: "action", file: "lib/actions/connections/update-connection.ts", name: "updateConnectionAction", allowed: ADMIN, args: [{ connectionId: made.connection, connection: connectionInput }], allowedCode: "NOT_FOUND" },
  { kind: "action", file: "lib/actions/connections/delete-connection.ts", name: "deleteConnectionAction", allowed: ADMIN, args: [{ connectionId: made.connection }], allowedCode: "NOT_FOUND" },
  { kind: "action", file: "lib/actions/connections/test-connection.ts", name: "testConnectionAction", allowed: ADMIN, args: [{ connectionId: made.connection }], allowedCode: "NOT_FOUND" },
  // Scans
  { kind: "action", file: "lib/actions/scans/start-scan.ts", name: "startScanAction", allowed: SCANNERS, args: [{ planId: made.plan, mode: "summary", includeShadows: false }], allowedCode: "NOT_FOUND" },
  { kind: "action", file: "lib/actions/scans/cancel-scan.ts", name: "cancelScanAction", allowed: SCANNERS, args: [{ scanId: made.scan }], allowedCode: "NOT_FOUND" },
  { kind: "action", file: "lib/actions/scans/resume-scan.ts", name: "resumeScanAction", allowed: SCANNERS, args: [{ scanId: made.scan }], allowedCode: "NOT_FOUND" },
  // Mapping
  { kind: "action", file: "lib/actions/mapping/request-mapping.ts", name: "requestMappingAction", allowed: DECIDERS, args: [{ planId: made.plan }], allowedCode: "NOT_FOUND" },
  // Users
  { kind: "action", file: "lib/actions/mapping/decide-proposal.ts", name: "decideProposalAction", allowed: DECIDERS, args: [{ planId: made.plan, runId: made.plan, kind: "AWS::SQS::Queue", arn: "arn:aws:sqs:eu-central-1:1:q", status: "none", target: null, reason: "Probe." }], allowedCode: "NOT_FOUND" },
  { kind: "action", file: "lib/actions/mapping/withdraw-override.ts", name: "withdrawOverrideAction", allowed: DECIDERS, args: [{ planId: made.plan, runId: made.plan, kind: "AWS::SQS::Queue", arn: "arn:aws:sqs:eu-central-1:1:q", reason: "Probe." }], allowedCode: "NOT_FOUND" },
  { kind: "action", file: "lib/actions/mapping/set-mapping-choices.ts", name: "setMappingChoicesAction", allowed: DECIDERS, args: [{ planId: made.plan, iotTarget: null, kindTargets: {}, targetRegionBySource: {}, reason: "Probe." }], allowedCode: "NOT_FOUND" },

  { kind: "action", file: "lib/actions/users/create-user.ts", name: "createUserAction", allowed: ADMIN, args: [{ email: VIEWER_EMAIL, name: "Probe", role: "viewer", password: "probe-password-0123" }], allowedCode: "CONFLICT" },
  // Sets the viewer's role to what it already is: a real change of nothing.
  { kind: "action", file: "lib/actions/users/change-user-role.ts", name: "changeUserRoleAction", allowed: ADMIN, args: [{ userId: VIEWER_ID, role: "viewer" }] },
  { kind: "action", file: "lib/actions/users/set-user-disabled.ts", name: "setUserDisabledAction", allowed: ADMIN, args: [{ userId: made.user, disabled: true }], allowedCode: "NOT_FOUND" },
  { kind: "action", file: "lib/actions/users/reset-user-password.ts", name: "resetUserPasswordAction", allowed: ADMIN, args: [{ userId: made.user, password: "probe-password-0123" }], allowedCode: "NOT_FOUND" },
  // One's own preferences
  { kind: "action", file: "lib/actions/preferences/set-locale.ts", name: "setLocaleAction", allowed: ANYONE, args: [{ locale: "en" }] },
  { kind: "action", file: "lib/actions/preferences/apply-account-locale.ts", name: "applyAccountLocaleAction", allowed: ALL_ROLES, args: [{}] },

  // The catalogue
  { kind: "action", file: "lib/actions/catalogue/edit-catalogue-entry.ts", name: "editCatalogueEntryAction", allowed: DECIDERS, args: [{ kind: probeCatalogueEntry.kind, entry: probeCatalogueEntry, reason: "probe" }], allowedCode: "NOT_FOUND" },
  { kind: "action", file: "lib/actions/catalogue/retire-catalogue-entry.ts", name: "retireCatalogueEntryAction", allowed: DECIDERS, args: [{ kind: probeCatalogueEntry.kind, retired: true, reason: "probe" }], allowedCode: "NOT_FOUND" },
  { kind: "action", file: "lib/actions/catalogue/decide-seed-difference.ts", name: "decideSeedDifferenceAction", allowed: DECIDERS, args: [{ differenceId: "00000000-0000-4000-8000-000000000000", decision: "keep", reason: "probe" }], allowedCode: "NOT_FOUND" },
  // Route handlers
  { kind: "route", file: "app/api/audit/route.ts", method: "GET", path: "/api/audit", allowed: ADMIN },
  { kind: "route", file: "app/api/auth/[...all]/route.ts", method: "GET", path: "/api/auth/get-session", allowed: ANYONE },
  // better-auth's own endpoints check their session themselves: setting one's (absent) picture to none.
  { kind: "route", file: "app/api/auth/[...all]/route.ts", method: "POST", path: "/api/auth/update-user", body: { image: null }, allowed: ALL_ROLES },
  { kind: "route", file: "app/api/connections/route.ts", method: "GET", path: "/api/connections", allowed: CONNECTION_READERS },
  { kind: "route", file: "app/api/health/route.ts", method: "GET", path: "/api/health", allowed: ANYONE },
  { kind: "route", file: "app/api/users/route.ts", method: "GET", path: "/api/users", allowed: ADMIN },
  { kind: "route", file: "app/api/catalogue/route.ts", method: "GET", path: "/api/catalogue", allowed: ALL_ROLES },
  { kind: "route", file: "app/api/catalogue/history/route.ts", method: "GET", path: "/api/catalogue/history", allowed: ALL_ROLES },
  { kind: "route", file: "app/api/catalogue/differences/route.ts", method: "GET", path: "/api/catalogue/differences", allowed: ALL_ROLES },
  { kind: "route", file: "app/api/plans/[planId]/export/route.ts", method: "GET", path: `/api/plans/${made.plan}/export`, allowed: ALL_ROLES, allowedStatus: 404 },
  // The IaC downloads (servicemap.read): 404 for the made-up plan, for every role that may read the service map.
  { kind: "route", file: "app/api/plans/[planId]/exports/ros/route.ts", method: "GET", path: `/api/plans/${made.plan}/exports/ros`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/plans/[planId]/exports/terraform/route.ts", method: "GET", path: `/api/plans/${made.plan}/exports/terraform`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/plans/[planId]/inventory-summary/route.ts", method: "GET", path: `/api/plans/${made.plan}/inventory-summary`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/plans/[planId]/resources/route.ts", method: "GET", path: `/api/plans/${made.plan}/resources`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/plans/[planId]/mapping/status/route.ts", method: "GET", path: `/api/plans/${made.plan}/mapping/status`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/plans/[planId]/scans/route.ts", method: "GET", path: `/api/plans/${made.plan}/scans`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/plans/[planId]/service-map/route.ts", method: "GET", path: `/api/plans/${made.plan}/service-map`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/plans/[planId]/service-map/nodes/[nodeId]/route.ts", method: "GET", path: `/api/plans/${made.plan}/service-map/nodes/aws.thing.0000000000000000`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/plans/[planId]/scan-estimate/route.ts", method: "POST", path: `/api/plans/${made.plan}/scan-estimate`, body: { mode: "summary" }, allowed: SCANNERS, allowedStatus: 404 },
  { kind: "route", file: "app/api/plans/[planId]/mapping/coverage/route.ts", method: "GET", path: `/api/plans/${made.plan}/mapping/coverage`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/plans/[planId]/mapping/decisions/route.ts", method: "GET", path: `/api/plans/${made.plan}/mapping/decisions`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/plans/[planId]/mapping/choices/route.ts", method: "GET", path: `/api/plans/${made.plan}/mapping/choices`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/plans/[planId]/exports/mapping/route.ts", method: "GET", path: `/api/plans/${made.plan}/exports/mapping`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/resources/[resourceId]/route.ts", method: "GET", path: `/api/resources/${made.resource}`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/scans/[scanId]/route.ts", method: "GET", path: `/api/scans/${made.scan}`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "route", file: "app/api/scans/[scanId]/diff/route.ts", method: "GET", path: `/api/scans/${made.scan}/diff`, allowed: ALL_ROLES, allowedStatus: 404 },

  // Pages
  { kind: "page", file: "app/(auth)/sign-in/page.tsx", path: "/sign-in", allowed: ANYONE, open: true },
  { kind: "page", file: "app/(auth)/change-password/page.tsx", path: "/change-password", allowed: ANYONE, open: true },
  { kind: "page", file: "app/(dashboard)/page.tsx", path: "/", allowed: ALL_ROLES, allowedStatus: "redirect" },
  { kind: "page", file: "app/(dashboard)/inventory/page.tsx", path: "/inventory", allowed: ALL_ROLES },
  { kind: "page", file: "app/(dashboard)/inventory/scans/page.tsx", path: "/inventory/scans", allowed: ALL_ROLES },
  { kind: "page", file: "app/(dashboard)/inventory/scans/[scanId]/page.tsx", path: `/inventory/scans/${made.scan}`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "page", file: "app/(dashboard)/inventory/resources/[resourceId]/page.tsx", path: `/inventory/resources/${made.resource}`, allowed: ALL_ROLES, allowedStatus: 404 },
  { kind: "page", file: "app/(dashboard)/service-map/page.tsx", path: "/service-map", allowed: ALL_ROLES },
  { kind: "page", file: "app/(dashboard)/service-map/coverage/page.tsx", path: "/service-map/coverage", allowed: ALL_ROLES },
  { kind: "page", file: "app/(dashboard)/service-map/catalogue/page.tsx", path: "/service-map/catalogue", allowed: ALL_ROLES },
  { kind: "page", file: "app/(dashboard)/compliance/page.tsx", path: "/compliance", allowed: ALL_ROLES },
  { kind: "page", file: "app/(dashboard)/runbooks/page.tsx", path: "/runbooks", allowed: ALL_ROLES },
  { kind: "page", file: "app/(dashboard)/settings/page.tsx", path: "/settings", allowed: ALL_ROLES },
  { kind: "page", file: "app/(dashboard)/settings/plans/page.tsx", path: "/settings/plans", allowed: ALL_ROLES },
  { kind: "page", file: "app/(dashboard)/settings/connections/page.tsx", path: "/settings/connections", allowed: CONNECTION_READERS },
  { kind: "page", file: "app/(dashboard)/settings/users/page.tsx", path: "/settings/users", allowed: ADMIN },
  { kind: "page", file: "app/(dashboard)/settings/audit/page.tsx", path: "/settings/audit", allowed: ADMIN },
];

/** What names a row: "lib/actions/x.ts#nameAction", "app/api/x/route.ts GET", "app/x/page.tsx". */
export function rowKey(row: AccessRow): string {
  if (row.kind === "action") return `${row.file}#${row.name}`;
  if (row.kind === "route") return `${row.file} ${row.method}`;
  return row.file;
}

export function rowTitle(row: AccessRow): string {
  if (row.kind === "action") return `action ${row.name}`;
  if (row.kind === "route") return `${row.method} ${row.path}`;
  return `page ${row.path}`;
}

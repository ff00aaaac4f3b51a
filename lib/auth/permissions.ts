/**
 * Who may do what. This table is the whole of Silkroute's authorisation model: every server
 * action, route handler and page checks one of these permissions on the server, through
 * requirePermission / withPermission / defineAction (lib/auth). The end-to-end role matrix test
 * walks this table.
 */

export const ROLES = ["admin", "architect", "compliance", "engineer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const everyone = ROLES;

export const PERMISSIONS = {
  /** See the plans, the shell and one's own settings. */
  "plan.read": everyone,
  /** Create, edit and archive migration plans. */
  "plan.manage": ["admin"],
  /** Browse the inventory, its resources, scans and exports. */
  "inventory.read": everyone,
  /** Start, cancel and resume scans of the AWS account. */
  "scan.run": ["admin", "engineer"],
  /** See the connected cloud accounts (names, regions, status; never secrets). */
  "connection.read": ["admin", "engineer", "architect"],
  /** Add, test and remove cloud connections. */
  "connection.manage": ["admin"],
  /** Browse the service map. */
  "servicemap.read": everyone,
  /** Decide open questions and override mapping proposals. */
  "mapping.decide": ["admin", "architect"],
  /** Read the data-residency and compliance reports. */
  "compliance.read": everyone,
  /** Sign off a compliance assessment. */
  "compliance.signoff": ["admin", "compliance"],
  /** Read runbooks. */
  "runbook.read": everyone,
  /** Dry-run and execute runbook steps. */
  "runbook.execute": ["admin", "engineer"],
  /** Create users, change their roles, disable them. */
  "users.manage": ["admin"],
  /** Read and filter the audit log. */
  "audit.read": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

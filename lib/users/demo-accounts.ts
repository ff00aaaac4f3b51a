import type { Role } from "@/lib/auth/permissions";

/** The demo's accounts: one per role, all with this password. Used by `npm run demo` and the end-to-end tests. */
export const DEMO_PASSWORD = "silkroute-demo";

export function demoEmail(role: Role): string {
  return `${role}@demo.silkroute.local`;
}

import path from "node:path";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { DEMO_PASSWORD, demoEmail } from "@/lib/users/demo-accounts";

export { ROLES, type Role, DEMO_PASSWORD, demoEmail };

export function storageStateOf(role: Role): string {
  return path.join(process.cwd(), "test-results", ".auth", `${role}.json`);
}

/** The signed-in browser state of the second organisation's admin or viewer (auth.setup.ts). */
export function otherStorageStateOf(role: "admin" | "viewer"): string {
  return path.join(process.cwd(), "test-results", ".auth", `other-${role}.json`);
}

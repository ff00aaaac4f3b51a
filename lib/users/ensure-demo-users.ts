import "server-only";
import { db } from "@/lib/db";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/users/create-user";
import { ensureDefaultOrganization } from "@/lib/organizations/ensure-default-organization";

import { DEMO_PASSWORD, demoEmail } from "@/lib/users/demo-accounts";

export { DEMO_PASSWORD, demoEmail };

const NAMES: Record<Role, string> = {
  admin: "Ada Admin",
  architect: "Arun Architect",
  compliance: "Chen Compliance",
  engineer: "Eva Engineer",
  viewer: "Victor Viewer",
};

/** One user per role with a known password, for the demo and the end-to-end tests. Idempotent. */
export async function ensureDemoUsers(password = DEMO_PASSWORD): Promise<Array<{ role: Role; email: string }>> {
  const organizationId = await ensureDefaultOrganization();
  const hash = await hashPassword(password);
  const result: Array<{ role: Role; email: string }> = [];
  for (const role of ROLES) {
    const email = demoEmail(role);
    const existing = await db().user.findUnique({ where: { email } });
    if (existing) {
      await db().user.update({ where: { id: existing.id }, data: { role, disabled: false } });
      await db().account.updateMany({ where: { userId: existing.id, providerId: "credential" }, data: { password: hash } });
    } else {
      await createUser({ organizationId, email, name: NAMES[role], role, password });
    }
    result.push({ role, email });
  }
  return result;
}

import "server-only";
import crypto from "node:crypto";
import { db, sqlQuery, transaction } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "@/lib/users/create-user";
import { ensureDefaultOrganization } from "@/lib/organizations/ensure-default-organization";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

export const DEFAULT_ADMIN_EMAIL = "admin@silkroute.local";

/**
 * On an installation with no users, creates the first admin: from SILKROUTE_ADMIN_EMAIL and
 * SILKROUTE_ADMIN_PASSWORD when set, else with a one-time password printed once on the server's
 * console, which the admin must replace with their own at first sign-in.
 *
 * Safe when several processes start at once, on Postgres and on the embedded database alike: the
 * check and the creation are one transaction that first locks the users table against other
 * writers (a lock that conflicts with itself), so a second process waits, then finds the admin.
 * On the embedded database the proxy also gives that transaction the backend alone. An advisory
 * lock would serialise nothing there: all its clients share one session.
 */
export async function ensureFirstAdmin(): Promise<{ created: boolean; email?: string; generatedPassword?: string }> {
  if ((await db().user.count()) > 0) return { created: false };
  const config = env();
  const email = config.SILKROUTE_ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
  const generatedPassword = config.SILKROUTE_ADMIN_PASSWORD ? undefined : crypto.randomBytes(12).toString("base64url");
  const created = await transaction(async () => {
    await sqlQuery(`LOCK TABLE "users" IN SHARE ROW EXCLUSIVE MODE`);
    if ((await db().user.count()) > 0) return false;
    const organizationId = await ensureDefaultOrganization();
    const user = await createUser({
      organizationId,
      email,
      name: "Administrator",
      role: "admin",
      password: config.SILKROUTE_ADMIN_PASSWORD ?? generatedPassword!,
      // A password printed on a console is for one sign-in: the admin chooses their own then.
      mustChangePassword: Boolean(generatedPassword),
    });
    await recordAuditEvent({
      actor: null,
      action: "user.create_first_admin",
      outcome: "success",
      organizationId,
      target: { type: "user", id: user.id },
      details: { email, passwordFrom: generatedPassword ? "generated" : "SILKROUTE_ADMIN_PASSWORD" },
    });
    return true;
  });
  if (!created) return { created: false };
  if (generatedPassword) {
    console.log(
      [
        "",
        "  ┌──────────────────────────────────────────────────────────────┐",
        "  │ Silkroute created the first admin. This is shown only once.  │",
        "  └──────────────────────────────────────────────────────────────┘",
        `    email:    ${email}`,
        `    password: ${generatedPassword}`,
        "    Sign in with it once: Silkroute then asks you to choose your own.",
        "",
      ].join("\n"),
    );
  }
  return { created: true, email, generatedPassword };
}

import "server-only";
import { db } from "@/lib/db";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export async function listUsers(organizationId: string): Promise<UserRow[]> {
  const users = await db().user.findMany({
    where: { organizationId },
    orderBy: [{ disabled: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabled: true, lastSignInAt: true, createdAt: true },
  });
  return users.map((u) => ({ ...u, lastSignInAt: u.lastSignInAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString() }));
}

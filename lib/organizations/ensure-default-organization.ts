import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const DEFAULT_ORGANIZATION_ID = "default";

/** A new installation has one organisation; users, connections and plans belong to it. */
export async function ensureDefaultOrganization(tx?: Prisma.TransactionClient, name = "Silkroute"): Promise<string> {
  await (tx ?? db()).organization.upsert({
    where: { id: DEFAULT_ORGANIZATION_ID },
    create: { id: DEFAULT_ORGANIZATION_ID, name },
    update: {},
  });
  return DEFAULT_ORGANIZATION_ID;
}

import "server-only";
import { db } from "@/lib/db";

/** Connections as the browser may see them: settings and status, never a secret. */
export interface ConnectionView {
  id: string;
  name: string;
  authMode: string;
  profile: string | null;
  roleArn: string | null;
  externalId: string | null;
  accessKeyId: string | null;
  hasSecret: boolean;
  endpointUrl: string | null;
  regions: string[];
  quotaOverrides: Record<string, number> | null;
  accountId: string | null;
  lastTestedAt: string | null;
  lastTestOk: boolean | null;
  lastTestMessage: string | null;
  usedByPlans: number;
}

export async function listConnections(organizationId: string): Promise<ConnectionView[]> {
  const rows = await db().cloudConnection.findMany({
    where: { organizationId, provider: "aws" },
    orderBy: { name: "asc" },
    include: { _count: { select: { sourceOf: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    authMode: c.authMode,
    profile: c.profile,
    roleArn: c.roleArn,
    externalId: c.externalId,
    accessKeyId: c.accessKeyId,
    hasSecret: Boolean(c.secretCiphertext),
    endpointUrl: c.endpointUrl,
    regions: c.regions,
    quotaOverrides: (c.quotaOverrides as Record<string, number> | null) ?? null,
    accountId: c.accountId,
    lastTestedAt: c.lastTestedAt?.toISOString() ?? null,
    lastTestOk: c.lastTestOk,
    lastTestMessage: c.lastTestMessage,
    usedByPlans: c._count.sourceOf,
  }));
}

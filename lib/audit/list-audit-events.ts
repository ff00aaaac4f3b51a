import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_ORGANIZATION_ID } from "@/lib/organizations/ensure-default-organization";

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(320).optional(),
  action: z.string().trim().max(100).optional(),
  outcome: z.enum(["success", "denied", "failure"]).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: z.string().regex(/^\d{1,19}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditEventRow {
  id: string;
  at: string;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  ipAddress: string | null;
  requestId: string | null;
  details: unknown;
}

/**
 * The organisation's audit log, newest first, keyset-paged by id so it can be walked while it
 * grows. Only the organisation's own entries, never another organisation's. The entries that
 * belong to no organisation (a request without a session, a sign-in attempt for an address nobody
 * has) are the installation's: the installation's own organisation (the default one, where the
 * first admin is) lists them, no other does (docs/decisions/0012).
 */
export async function listAuditEvents(organizationId: string, filter: AuditFilter): Promise<{ events: AuditEventRow[]; nextCursor: string | null }> {
  const where: Prisma.AuditEventWhereInput =
    organizationId === DEFAULT_ORGANIZATION_ID ? { OR: [{ organizationId }, { organizationId: null }] } : { organizationId };
  if (filter.actor) where.actorEmail = { contains: filter.actor.toLowerCase(), mode: "insensitive" };
  if (filter.action) where.action = { startsWith: filter.action };
  if (filter.outcome) where.outcome = filter.outcome;
  if (filter.from || filter.to) {
    where.at = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    };
  }
  if (filter.cursor) where.id = { lt: BigInt(filter.cursor) };
  const rows = await db().auditEvent.findMany({ where, orderBy: { id: "desc" }, take: filter.limit + 1 });
  const page = rows.slice(0, filter.limit);
  return {
    events: page.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorEmail: r.actorEmail,
      actorRole: r.actorRole,
      action: r.action,
      outcome: r.outcome,
      targetType: r.targetType,
      targetId: r.targetId,
      ipAddress: r.ipAddress,
      requestId: r.requestId,
      details: r.details,
    })),
    nextCursor: rows.length > filter.limit ? page[page.length - 1]!.id.toString() : null,
  };
}

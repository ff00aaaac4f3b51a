import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestContext } from "@/lib/request-context";

export type AuditOutcome = "success" | "denied" | "failure";

export interface AuditActor {
  id: string | null;
  email: string | null;
  role: string | null;
}

export interface AuditEventInput {
  actor: AuditActor | null;
  action: string;
  outcome: AuditOutcome;
  target?: { type: string; id?: string | null } | null;
  planId?: string | null;
  context?: RequestContext | null;
  details?: Record<string, unknown> | null;
}

const clip = (value: string | null | undefined, max: number) => (value == null ? null : value.slice(0, max));

/**
 * Appends one row to the audit log. The table refuses updates and deletes, so this is the only
 * way rows change. An audit write that fails is logged as an error and rethrown: an action whose
 * record cannot be kept must not look done. Given `tx`, the row is written in that transaction.
 */
export async function recordAuditEvent(input: AuditEventInput, tx?: Prisma.TransactionClient): Promise<void> {
  try {
    await (tx ?? db()).auditEvent.create({
      data: {
        actorId: input.actor?.id ?? null,
        actorEmail: clip(input.actor?.email, 320),
        actorRole: input.actor?.role ?? null,
        action: input.action,
        outcome: input.outcome,
        targetType: input.target?.type ?? null,
        targetId: clip(input.target?.id ?? null, 512),
        planId: input.planId ?? null,
        ipAddress: input.context?.ipAddress ?? null,
        userAgent: input.context?.userAgent ?? null,
        requestId: input.context?.requestId ?? null,
        details: (input.details ?? undefined) as never,
      },
    });
  } catch (err) {
    logger().error({ err, action: input.action, requestId: input.context?.requestId }, "audit write failed");
    throw err;
  }
}

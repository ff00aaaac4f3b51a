import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
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
  /**
   * The organisation the entry belongs to. When not given the database fills it in from the plan,
   * else from the acting user (by id or by the e-mail a sign-in named): see migration 0010.
   */
  organizationId?: string | null;
  context?: RequestContext | null;
  details?: Record<string, unknown> | null;
}

const clip = (value: string | null | undefined, max: number) => (value == null ? null : value.slice(0, max));

/**
 * Appends one row to the audit log. The table refuses updates and deletes, so this is the only
 * way rows change. An audit write that fails is logged as an error and rethrown: an action whose
 * record cannot be kept must not look done. Pass the transaction of the change (`client`) to write
 * both or neither.
 */
export async function recordAuditEvent(input: AuditEventInput, client: Pick<Prisma.TransactionClient, "auditEvent"> = db()): Promise<void> {
  try {
    await client.auditEvent.create({
      data: {
        actorId: input.actor?.id ?? null,
        actorEmail: clip(input.actor?.email, 320),
        actorRole: input.actor?.role ?? null,
        action: input.action,
        outcome: input.outcome,
        targetType: input.target?.type ?? null,
        targetId: clip(input.target?.id ?? null, 512),
        planId: input.planId ?? null,
        organizationId: input.organizationId ?? null,
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

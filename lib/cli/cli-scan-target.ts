import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { AuthMode } from "@/lib/connections/connection-input";

export interface CliCredentials {
  profile?: string;
  roleArn?: string;
  externalId?: string;
}

export interface CliTargetRequest {
  /** The regions named with --region (may be empty with useConnection: the plan's regions). */
  regions: string[];
  credentials: CliCredentials;
  planName: string;
  /** --use-connection: scan an existing plan with the connection it already has. */
  useConnection: boolean;
  /** --repoint: point an existing plan that reads through another connection at this command's credentials. */
  repoint: boolean;
}

/** Who changes what from the command line, for the audit log. */
export interface CliActor {
  actor: AuditActor;
  /** Added to every audit entry's details: `{ origin: "cli", osUser, host }`. */
  details: Record<string, string>;
}

export interface CliScanTarget {
  planId: string;
  connectionId: string;
  /** The regions to scan; empty means all of the plan's. */
  regions: string[];
  /** What the command changed or is about to use, said on the terminal (stderr). */
  notices: string[];
}

/** The connection the command line keeps for a set of credentials: its name says which. */
export function cliConnectionName(credentials: CliCredentials): string {
  const label = credentials.roleArn ? `role ${credentials.roleArn}` : credentials.profile ? `profile ${credentials.profile}` : "default credentials";
  return `Command line (${label})`.slice(0, 120);
}

type ConnectionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["cloudConnection"]["findFirst"]>>>;

/** A connection of that name that the command line did not make (an admin's, renamed) is not reused. */
function isCliShaped(row: ConnectionRow, authMode: AuthMode, credentials: CliCredentials): boolean {
  return (
    row.authMode === authMode &&
    (row.profile ?? null) === (authMode === "profile" ? (credentials.profile ?? null) : null) &&
    (row.roleArn ?? null) === (credentials.roleArn ?? null) &&
    !row.accessKeyId &&
    !row.secretCiphertext &&
    !row.endpointUrl
  );
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
const added = (before: string[], after: string[]) => after.filter((r) => !before.includes(r));

/**
 * The plan and connection a command-line scan records its results under, so they show in the app
 * like any other scan. The connection holds no secret: the command line uses the AWS SDK's own
 * credentials (environment, profiles, SSO, instance roles), optionally assuming a role.
 *
 * What it does with an existing plan of that name:
 * - the plan reads through this command's own connection (the same credentials): it is used; new
 *   regions are added to the plan and the connection;
 * - the plan has no connection yet: this command's connection is attached to it;
 * - the plan reads through another connection: refused, unless `useConnection` (scan with the
 *   plan's own connection, changing nothing) or `repoint` (point the plan at this command's
 *   connection).
 * Everything is decided before anything is written; every change is written together with its
 * audit entry (actor: the command line and the OS user) in one transaction, and said in `notices`.
 */
export async function cliScanTarget(organizationId: string, request: CliTargetRequest, who: CliActor): Promise<CliScanTarget> {
  const plan = await db().migrationPlan.findFirst({
    where: { organizationId, name: request.planName, status: { not: "archived" } },
    include: { sourceConnection: true },
    orderBy: { createdAt: "asc" },
  });

  if (request.useConnection) {
    if (!plan) throw new AppError("NOT_FOUND", "cliPlanNotFound", { plan: request.planName });
    if (!plan.sourceConnection) throw new AppError("CONFLICT", "planNoConnection");
    return {
      planId: plan.id,
      connectionId: plan.sourceConnection.id,
      regions: request.regions,
      notices: [`Scanning plan "${plan.name}" through its own connection "${plan.sourceConnection.name}".`],
    };
  }

  const { credentials } = request;
  const authMode: AuthMode = credentials.roleArn ? "assume-role" : credentials.profile ? "profile" : "default-chain";
  const name = cliConnectionName(credentials);
  const existing = await db().cloudConnection.findFirst({ where: { organizationId, provider: "aws", name } });
  if (existing && !isCliShaped(existing, authMode, credentials)) throw new AppError("CONFLICT", "cliConnectionNameTaken", { connection: name });

  const otherConnection = plan?.sourceConnection && plan.sourceConnection.id !== existing?.id ? plan.sourceConnection : null;
  if (otherConnection && !request.repoint) {
    throw new AppError("CONFLICT", "cliPlanHasOtherConnection", { plan: request.planName, connection: otherConnection.name, credentials: name });
  }

  const fields = {
    authMode,
    profile: authMode === "profile" ? credentials.profile! : null,
    roleArn: credentials.roleArn ?? null,
    externalId: credentials.externalId ?? null,
  };
  const connectionId = existing?.id ?? crypto.randomUUID();
  const connectionRegions = union(existing?.regions ?? [], request.regions);
  const connectionRegionsAdded = existing ? added(existing.regions, connectionRegions) : [];
  const externalIdChanged = Boolean(existing) && (existing!.externalId ?? null) !== fields.externalId;
  const planId = plan?.id ?? crypto.randomUUID();
  const planRegions = union(plan?.sourceRegions ?? [], request.regions);
  const planRegionsAdded = plan ? added(plan.sourceRegions, planRegions) : [];
  const attaches = Boolean(plan) && plan!.sourceConnectionId !== connectionId;
  const notices: string[] = [];
  const audit = (action: string, target: { type: string; id: string }, details: Record<string, unknown>, forPlan: string | null) => ({
    actor: who.actor,
    action,
    outcome: "success" as const,
    target,
    planId: forPlan,
    context: null,
    details: { ...details, ...who.details },
  });

  await db().$transaction(async (tx) => {
    if (!existing) {
      await tx.cloudConnection.create({ data: { id: connectionId, organizationId, provider: "aws", name, ...fields, regions: connectionRegions } });
      await recordAuditEvent(audit("connection.create", { type: "connection", id: connectionId }, { name, authMode, roleArn: fields.roleArn, profile: fields.profile, regions: connectionRegions }, null), tx);
      notices.push(`Created connection "${name}" (${connectionRegions.join(", ")}).`);
    } else if (connectionRegionsAdded.length > 0 || externalIdChanged) {
      await tx.cloudConnection.update({ where: { id: connectionId }, data: { externalId: fields.externalId, regions: connectionRegions } });
      await recordAuditEvent(
        audit("connection.update", { type: "connection", id: connectionId }, { name, regionsAdded: connectionRegionsAdded, externalIdChanged }, null),
        tx,
      );
      const changes = [
        ...(connectionRegionsAdded.length ? [`regions ${connectionRegionsAdded.join(", ")} added`] : []),
        ...(externalIdChanged ? ["external id changed"] : []),
      ];
      notices.push(`Connection "${name}": ${changes.join("; ")}.`);
    }
    if (!plan) {
      await tx.migrationPlan.create({ data: { id: planId, organizationId, name: request.planName, sourceConnectionId: connectionId, sourceRegions: planRegions, targetRegions: [] } });
      await recordAuditEvent(audit("plan.create", { type: "plan", id: planId }, { name: request.planName, sourceConnectionId: connectionId, sourceRegions: planRegions }, planId), tx);
      notices.push(`Created plan "${request.planName}", reading AWS through "${name}".`);
    } else if (attaches || planRegionsAdded.length > 0) {
      await tx.migrationPlan.update({ where: { id: planId }, data: { sourceConnectionId: connectionId, sourceRegions: planRegions } });
      await recordAuditEvent(
        audit(
          "plan.update",
          { type: "plan", id: planId },
          {
            name: plan.name,
            ...(attaches ? { sourceConnectionId: { from: plan.sourceConnectionId, to: connectionId }, sourceConnection: { from: plan.sourceConnection?.name ?? null, to: name } } : {}),
            ...(planRegionsAdded.length ? { sourceRegionsAdded: planRegionsAdded } : {}),
          },
          planId,
        ),
        tx,
      );
      if (otherConnection) notices.push(`Plan "${plan.name}" now reads AWS through "${name}" instead of "${otherConnection.name}" (--repoint).`);
      else if (attaches) notices.push(`Plan "${plan.name}" had no AWS connection: it now reads AWS through "${name}".`);
      if (planRegionsAdded.length) notices.push(`Plan "${plan.name}": regions ${planRegionsAdded.join(", ")} added.`);
    }
  });
  if (notices.length > 0) notices.push("These changes are recorded in the audit log.");
  return { planId, connectionId, regions: request.regions, notices };
}

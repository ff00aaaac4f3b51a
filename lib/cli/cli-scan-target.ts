import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuthMode } from "@/lib/connections/connection-input";

export interface CliCredentials {
  profile?: string;
  roleArn?: string;
  externalId?: string;
}

/**
 * The connection and plan a command-line scan records its results under, so they show in the app
 * like any other scan. The connection holds no secret: the command line uses the AWS SDK's own
 * credentials (environment, profiles, SSO, instance roles), optionally assuming a role.
 */
export async function cliScanTarget(organizationId: string, regions: string[], credentials: CliCredentials, planName: string) {
  const authMode: AuthMode = credentials.roleArn ? "assume-role" : credentials.profile ? "profile" : "default-chain";
  const label = credentials.roleArn ? `role ${credentials.roleArn}` : credentials.profile ? `profile ${credentials.profile}` : "default credentials";
  const name = `Command line (${label})`.slice(0, 120);
  if (credentials.externalId && !credentials.roleArn) throw new AppError("VALIDATION_FAILED", "cliExternalIdNeedsRole");
  if (credentials.roleArn && !/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(credentials.roleArn)) {
    throw new AppError("VALIDATION_FAILED", "cliRoleArnInvalid");
  }
  const existing = await db().cloudConnection.findFirst({ where: { organizationId, provider: "aws", name } });
  const fields = {
    authMode,
    profile: authMode === "profile" ? credentials.profile! : null,
    roleArn: credentials.roleArn ?? null,
    externalId: credentials.externalId ?? null,
    regions: [...new Set([...(existing?.regions ?? []), ...regions])],
  };
  const connection = existing
    ? await db().cloudConnection.update({ where: { id: existing.id }, data: fields })
    : await db().cloudConnection.create({ data: { id: crypto.randomUUID(), organizationId, provider: "aws", name, ...fields } });
  // A role assumed from a profile uses that profile as its source.
  if (authMode === "assume-role" && credentials.profile) {
    throw new AppError("VALIDATION_FAILED", "cliProfileOrRole");
  }
  const plan =
    (await db().migrationPlan.findFirst({ where: { organizationId, name: planName, status: { not: "archived" } } })) ??
    (await db().migrationPlan.create({
      data: { id: crypto.randomUUID(), organizationId, name: planName, sourceConnectionId: connection.id, sourceRegions: regions, targetRegions: [] },
    }));
  await db().migrationPlan.update({
    where: { id: plan.id },
    data: { sourceConnectionId: connection.id, sourceRegions: [...new Set([...plan.sourceRegions, ...regions])] },
  });
  return { connectionId: connection.id, planId: plan.id };
}

import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { encryptSecret } from "@/lib/crypto/encrypt-secret";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AwsConnectionInput } from "@/lib/connections/connection-input";
import { checkEndpointUrl } from "@/lib/connections/check-endpoint-url";

function fields(input: AwsConnectionInput) {
  return {
    name: input.name,
    authMode: input.authMode,
    profile: input.authMode === "profile" ? input.profile : null,
    roleArn: input.authMode === "assume-role" ? input.roleArn : null,
    externalId: input.authMode === "assume-role" ? input.externalId : null,
    accessKeyId: input.authMode === "access-keys" ? input.accessKeyId : null,
    endpointUrl: input.endpointUrl,
    regions: [...new Set(input.regions)],
    quotaOverrides: (input.quotaOverrides ?? Prisma.DbNull) as never,
  };
}

function conflict(err: unknown): never {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new AppError("CONFLICT", "connectionNameTaken");
  throw err;
}

/**
 * Creates an AWS connection; a secret access key is stored only encrypted (AES-256-GCM). A custom
 * endpoint must pass the endpoint rules, its host name resolved now (check-endpoint-url.ts).
 */
export async function createConnection(organizationId: string, input: AwsConnectionInput, createdById: string | null): Promise<{ id: string }> {
  if (input.authMode === "access-keys" && !input.secretAccessKey) throw new AppError("VALIDATION_FAILED", "connectionSecretRequired");
  if (input.endpointUrl) await checkEndpointUrl(input.endpointUrl);
  const id = crypto.randomUUID();
  await db()
    .cloudConnection.create({
      data: {
        id,
        organizationId,
        provider: "aws",
        createdById,
        ...fields(input),
        secretCiphertext: input.authMode === "access-keys" && input.secretAccessKey ? encryptSecret(input.secretAccessKey, id) : null,
      },
    })
    .catch(conflict);
  return { id };
}

export async function updateConnection(organizationId: string, connectionId: string, input: AwsConnectionInput): Promise<void> {
  const existing = await db().cloudConnection.findFirst({ where: { id: connectionId, organizationId, provider: "aws" } });
  if (!existing) throw new AppError("NOT_FOUND", "connectionNotFound");
  if (input.endpointUrl) await checkEndpointUrl(input.endpointUrl);
  let secretCiphertext: string | null = null;
  if (input.authMode === "access-keys") {
    if (input.secretAccessKey) secretCiphertext = encryptSecret(input.secretAccessKey, connectionId);
    else if (existing.secretCiphertext && existing.accessKeyId === input.accessKeyId) secretCiphertext = existing.secretCiphertext;
    else throw new AppError("VALIDATION_FAILED", "connectionSecretRequired");
  }
  await db()
    .cloudConnection.update({ where: { id: connectionId }, data: { ...fields(input), secretCiphertext, lastTestedAt: null, lastTestOk: null, lastTestMessage: null } })
    .catch(conflict);
}

export async function deleteConnection(organizationId: string, connectionId: string): Promise<void> {
  const deleted = await db().cloudConnection.deleteMany({ where: { id: connectionId, organizationId } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", "connectionNotFound");
}

import "server-only";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decryptSecret } from "@/lib/crypto/encrypt-secret";
import { resolveCredentials, type CredentialSettings } from "@/lib/aws/resolve-credentials";
import { createClientFactory } from "@/lib/aws/create-client-factory";
import type { ApiCallObserver, AwsClientFactory } from "@/lib/aws/client-types";
import { endpointRules, parseEndpointUrl } from "@/lib/connections/check-endpoint-url";
import { createEndpointAgents, type EndpointAgents } from "@/lib/connections/create-endpoint-agents";

export interface OpenConnection {
  id: string;
  name: string;
  regions: string[];
  endpoint: string | undefined;
  quotaOverrides: Record<string, number> | undefined;
  credentials: AwsCredentialIdentityProvider;
  factory(region: string, options?: { observer?: ApiCallObserver; signal?: AbortSignal }): AwsClientFactory;
}

interface ConnectionRow {
  id: string;
  name: string;
  authMode: string;
  profile: string | null;
  roleArn: string | null;
  externalId: string | null;
  accessKeyId: string | null;
  secretCiphertext: string | null;
  endpointUrl: string | null;
  regions: string[];
  quotaOverrides: unknown;
}

export function credentialSettingsOf(row: ConnectionRow): CredentialSettings {
  switch (row.authMode) {
    case "profile":
      return { mode: "profile", profile: row.profile ?? "" };
    case "assume-role":
      return { mode: "assume-role", roleArn: row.roleArn ?? "", ...(row.externalId ? { externalId: row.externalId } : {}) };
    case "access-keys": {
      if (!row.accessKeyId || !row.secretCiphertext) throw new AppError("VALIDATION_FAILED", "connectionNoAccessKey");
      let secretAccessKey: string;
      try {
        secretAccessKey = decryptSecret(row.secretCiphertext, row.id);
      } catch {
        throw new AppError("CONFLICT", "connectionSecretUnreadable");
      }
      return { mode: "access-keys", accessKeyId: row.accessKeyId, secretAccessKey };
    }
    default:
      return { mode: "default-chain" };
  }
}

/**
 * Everything needed to call AWS as a connection: credentials (decrypted here, in memory only) and
 * clients per region. A custom endpoint is checked against the endpoint rules here (its host as
 * written) and on every socket the clients open (the addresses its name resolves to then).
 */
export function openConnectionFrom(row: ConnectionRow): OpenConnection {
  const endpoint = row.endpointUrl ?? undefined;
  let agents: (() => EndpointAgents) | undefined;
  if (endpoint) {
    const rules = endpointRules();
    parseEndpointUrl(endpoint, rules);
    agents = () => createEndpointAgents(rules);
  }
  const quotaOverrides = (row.quotaOverrides as Record<string, number> | null) ?? undefined;
  const credentials = resolveCredentials(credentialSettingsOf(row), { region: row.regions[0] ?? "us-east-1", endpoint, agents: agents?.() });
  return {
    id: row.id,
    name: row.name,
    regions: row.regions,
    endpoint,
    quotaOverrides,
    credentials,
    factory: (region, options = {}) =>
      createClientFactory({ region, credentials, endpoint, agents, quotaOverrides, observer: options.observer, signal: options.signal }),
  };
}

export async function openConnection(organizationId: string, connectionId: string): Promise<OpenConnection> {
  const row = await db().cloudConnection.findFirst({ where: { id: connectionId, organizationId, provider: "aws" } });
  if (!row) throw new AppError("NOT_FOUND", "connectionNotFound");
  return openConnectionFrom(row);
}

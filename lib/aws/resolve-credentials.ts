import "server-only";
/**
 * Builds the credential provider for an AWS connection from its stored settings.
 *
 * - default-chain: the SDK's own chain (environment, shared config and credentials files with SSO
 *   and credential_process, web identity, ECS/EKS container credentials, EC2 instance metadata).
 * - profile: one named profile of the shared files, with everything that profile may use (SSO,
 *   role_arn + source_profile, credential_process, web identity).
 * - assume-role: STS AssumeRole with an optional external id, from the default chain or a profile.
 * - access-keys: a fixed key pair (optionally with a session token).
 *
 * Getting credentials is not a read of the estate, so it does not go through the read-only client
 * factory: assume-role needs sts:AssumeRole, which that factory would rightly refuse.
 */
import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { z } from "zod";

const nonEmpty = z.string().trim().min(1);

export const credentialSettingsSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("default-chain") }),
  z.object({ mode: z.literal("profile"), profile: nonEmpty.max(128) }),
  z.object({
    mode: z.literal("assume-role"),
    roleArn: z
      .string()
      .trim()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "Enter a role ARN like arn:aws:iam::123456789012:role/SilkrouteReader"),
    externalId: z
      .string()
      .trim()
      .regex(/^[\w+=,.@:/-]{2,1224}$/, "The external id is 2 to 1,224 letters, digits or +=,.@:/-")
      .optional(),
    sessionName: z
      .string()
      .trim()
      .regex(/^[\w+=,.@-]{2,64}$/, "The session name is 2 to 64 letters, digits or +=,.@-")
      .optional(),
    sourceProfile: nonEmpty.max(128).optional(),
  }),
  z.object({
    mode: z.literal("access-keys"),
    accessKeyId: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{16,128}$/, "An access key id is 16 or more capital letters and digits, like AKIA..."),
    secretAccessKey: nonEmpty.max(256),
    sessionToken: nonEmpty.optional(),
  }),
]);

export type CredentialSettings = z.infer<typeof credentialSettingsSchema>;

export const DEFAULT_SESSION_NAME = "silkroute-inventory";
/** Refresh temporary credentials this long before they expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export interface ResolveCredentialsOptions {
  /** Region for the STS call of assume-role (regional STS endpoints work in opt-in regions). */
  region?: string;
  /** Endpoint for that STS call, when the connection overrides AWS's endpoints. */
  endpoint?: string;
  /** The agents for that STS call's sockets (a connection's custom endpoint rules). */
  agents?: { httpAgent: import("node:http").Agent; httpsAgent: import("node:https").Agent };
}

export function resolveCredentials(
  input: CredentialSettings,
  options: ResolveCredentialsOptions = {},
): AwsCredentialIdentityProvider {
  const settings = credentialSettingsSchema.parse(input);
  switch (settings.mode) {
    case "default-chain":
      return fromNodeProviderChain();
    case "profile":
      return memoizeCredentials(fromIni({ profile: settings.profile }));
    case "assume-role":
      return memoizeCredentials(
        fromTemporaryCredentials({
          params: {
            RoleArn: settings.roleArn,
            RoleSessionName: settings.sessionName ?? DEFAULT_SESSION_NAME,
            ...(settings.externalId ? { ExternalId: settings.externalId } : {}),
          },
          masterCredentials: settings.sourceProfile ? fromIni({ profile: settings.sourceProfile }) : fromNodeProviderChain(),
          ...(options.region || options.endpoint
            ? {
                clientConfig: {
                  ...(options.region ? { region: options.region } : {}),
                  ...(options.endpoint ? { endpoint: options.endpoint } : {}),
                  ...(options.agents ? { requestHandler: { httpAgent: options.agents.httpAgent, httpsAgent: options.agents.httpsAgent } } : {}),
                },
              }
            : {}),
        }),
      );
    case "access-keys": {
      const identity: AwsCredentialIdentity = {
        accessKeyId: settings.accessKeyId,
        secretAccessKey: settings.secretAccessKey,
        ...(settings.sessionToken ? { sessionToken: settings.sessionToken } : {}),
      };
      return async () => identity;
    }
  }
}

/**
 * Shares one set of credentials between every client of a connection and fetches new ones only
 * shortly before they expire (or after a failure), so a scan assumes its role once, not once per
 * client.
 */
export function memoizeCredentials(
  provider: AwsCredentialIdentityProvider,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  let expiresAt = Number.POSITIVE_INFINITY;
  return (props) => {
    const stale = props?.forceRefresh === true || now() >= expiresAt - REFRESH_MARGIN_MS;
    if (!current || stale) {
      const fetching = provider(props).then(
        (identity) => {
          expiresAt = identity.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
          return identity;
        },
        (error: unknown) => {
          if (current === fetching) current = undefined;
          throw error;
        },
      );
      current = fetching;
      expiresAt = Number.POSITIVE_INFINITY;
    }
    return current;
  };
}

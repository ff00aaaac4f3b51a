import "server-only";
/**
 * Who a connection's credentials are: STS GetCallerIdentity through the read-only factory. Backs
 * the "test connection" button and fills in the account id and partition of every scan.
 */
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { z } from "zod";
import type { AwsClientFactory } from "@/lib/aws/client-types";
import { AwsOperationError } from "@/lib/aws/aws-operation-error";
import { regionNotEnabledMessage, toAwsOperationError } from "@/lib/aws/classify-aws-error";
import { describeZodIssues } from "@/lib/aws/describe-zod-issues";

export interface AccountIdentity {
  accountId: string;
  /** The caller's ARN: an IAM user, an assumed-role session, a federated user... */
  arn: string;
  userId: string | undefined;
  /** "aws", "aws-cn", "aws-us-gov"...: the partition every ARN of this account uses. */
  partition: string;
}

const callerIdentitySchema = z.object({
  Account: z.string().regex(/^\d{12}$/),
  Arn: z.string().regex(/^arn:[a-z-]+:(iam|sts)::\d{12}:.+$/),
  UserId: z.string().optional(),
});

/** Throws an AwsOperationError whose code is InvalidCredentials, ExpiredCredentials, AccessDenied, RegionNotEnabled, NetworkError... */
export async function identifyAccount(clients: AwsClientFactory, signal?: AbortSignal): Promise<AccountIdentity> {
  let response: unknown;
  try {
    response = await clients.get(STSClient).send(new GetCallerIdentityCommand({}), { abortSignal: signal });
  } catch (error) {
    throw toAwsOperationError(error, { operation: "GetCallerIdentity", region: clients.region });
  }
  const parsed = callerIdentitySchema.safeParse(response);
  if (!parsed.success) {
    throw new AwsOperationError(
      "MalformedResponse",
      "AWS STS answered GetCallerIdentity without a usable account id and ARN. If an endpoint override is set, check that it points at STS.",
      false,
      { operation: "GetCallerIdentity", detail: describeZodIssues(parsed.error) },
    );
  }
  const { Account, Arn, UserId } = parsed.data;
  return { accountId: Account, arn: Arn, userId: UserId, partition: Arn.split(":")[1] ?? "aws" };
}

/**
 * identifyAccount in one region of a connection whose credentials work in `home`. AWS answers a
 * call to an opt-in region the account has not enabled as if the credentials were wrong
 * (InvalidClientTokenId, UnrecognizedClientException: "The security token included in the request
 * is invalid"). When the same credentials are accepted in `home`, the failure is the region's and
 * is reported as RegionNotEnabled; otherwise the original error stands.
 */
export async function identifyAccountInRegion(clients: AwsClientFactory, home: AwsClientFactory, signal?: AbortSignal): Promise<AccountIdentity> {
  try {
    return await identifyAccount(clients, signal);
  } catch (error) {
    if (!(error instanceof AwsOperationError) || error.code !== "InvalidCredentials" || clients.region === home.region) throw error;
    const acceptedAtHome = await identifyAccount(home, signal).then(
      () => true,
      () => false,
    );
    if (!acceptedAtHome) throw error;
    throw new AwsOperationError("RegionNotEnabled", regionNotEnabledMessage(clients.region), false, {
      operation: "GetCallerIdentity",
      detail: error.detail,
      cause: error,
    });
  }
}

import "server-only";
import { DescribeEndpointCommand, IoTClient } from "@aws-sdk/client-iot";
import { db } from "@/lib/db";
import { AppError, type ErrorParams } from "@/lib/errors";
import { identifyAccount } from "@/lib/aws/identify-account";
import { classifyAwsError } from "@/lib/aws/classify-aws-error";
import { EndpointRefusedError } from "@/lib/aws/endpoint-refused-error";
import { openConnection } from "@/lib/connections/open-connection";

/** A problem found by the test: a code, Silkroute's own short message, and its reason when it has one (to translate). */
export interface TestProblem {
  code: string;
  message: string;
  reason?: string;
  params?: ErrorParams;
}

export interface ConnectionTestResult {
  ok: boolean;
  accountId: string | null;
  identity: string | null;
  /** A problem with the credentials themselves, for every region. */
  error: TestProblem | null;
  regions: Array<{ region: string; ok: boolean } & Partial<TestProblem>>;
}

/** The longest message a test shows or stores per problem. */
const MAX_MESSAGE = 300;

/**
 * Text fit to show: no control or bidirectional-override characters, one line, at most 300
 * characters. The messages are Silkroute's own (classifyAwsError's, the endpoint rules'); this
 * also bounds any part an endpoint's answer could have put in them (an error name).
 */
export function safeMessage(text: string, max = MAX_MESSAGE): string {
  const clean = text.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]+/gu, " ").replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

const ACCOUNT_ID = /^\d{12}$/;
const IDENTITY_ARN = /^arn:aws[a-z-]*:(iam|sts)::\d{12}:[\w+=,.@/-]{1,512}$/;

function problemOf(err: unknown, context: { operation: string; region: string }): TestProblem {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof EndpointRefusedError) return { code: "EndpointRefused", message: safeMessage(e.message), reason: e.reason, params: e.params };
  }
  const c = classifyAwsError(err, context);
  return { code: c.code, message: safeMessage(c.message) };
}

/**
 * Checks a connection the way a scan will use it: who the credentials are (STS
 * GetCallerIdentity), then one read-only IoT call in each chosen region (DescribeEndpoint), so an
 * opt-in region that is not enabled or a missing IoT permission shows before a scan starts. It
 * shows no part of the endpoint's answers beyond an account id and a caller ARN of the expected
 * shapes; problems are Silkroute's own short messages.
 */
export async function testConnection(organizationId: string, connectionId: string): Promise<ConnectionTestResult> {
  let connection;
  try {
    connection = await openConnection(organizationId, connectionId);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") throw err;
    const error: TestProblem =
      err instanceof AppError
        ? { code: err.reason.startsWith("connectionEndpoint") ? "EndpointRefused" : "InvalidSettings", message: safeMessage(err.message), reason: err.reason, params: err.params }
        : { code: "InvalidSettings", message: "The connection settings are not valid." };
    return record(connectionId, { ok: false, accountId: null, identity: null, error, regions: [] });
  }
  const signal = AbortSignal.timeout(60_000);
  const home = connection.regions[0] ?? "us-east-1";
  let identity;
  try {
    identity = await identifyAccount(connection.factory(home, { signal }), signal);
  } catch (err) {
    return record(connectionId, { ok: false, accountId: null, identity: null, error: problemOf(err, { operation: "GetCallerIdentity", region: home }), regions: [] });
  }
  const regions = await Promise.all(
    connection.regions.map(async (region) => {
      try {
        await connection.factory(region, { signal }).get(IoTClient).send(new DescribeEndpointCommand({ endpointType: "iot:Data-ATS" }), { abortSignal: signal });
        return { region, ok: true };
      } catch (err) {
        return { region, ok: false, ...problemOf(err, { operation: "DescribeEndpoint", region }) };
      }
    }),
  );
  return record(connectionId, {
    ok: regions.every((r) => r.ok),
    accountId: ACCOUNT_ID.test(identity.accountId) ? identity.accountId : null,
    identity: IDENTITY_ARN.test(identity.arn) ? identity.arn : null,
    error: null,
    regions,
  });
}

async function record(connectionId: string, result: ConnectionTestResult): Promise<ConnectionTestResult> {
  const failed = result.error?.message ?? result.regions.filter((r) => !r.ok).map((r) => `${r.region}: ${r.message}`).join("; ");
  await db().cloudConnection.update({
    where: { id: connectionId },
    data: {
      lastTestedAt: new Date(),
      lastTestOk: result.ok,
      lastTestMessage: result.ok ? `Account ${result.accountId}: ${result.regions.length} region(s) reachable.` : failed.slice(0, 2000),
      ...(result.accountId ? { accountId: result.accountId } : {}),
    },
  });
  return result;
}

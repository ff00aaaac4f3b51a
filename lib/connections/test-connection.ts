import "server-only";
import { DescribeEndpointCommand, IoTClient } from "@aws-sdk/client-iot";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { identifyAccount } from "@/lib/aws/identify-account";
import { classifyAwsError } from "@/lib/aws/classify-aws-error";
import { openConnection } from "@/lib/connections/open-connection";

export interface ConnectionTestResult {
  ok: boolean;
  accountId: string | null;
  identity: string | null;
  /** A problem with the credentials themselves, for every region. */
  error: { code: string; message: string } | null;
  regions: Array<{ region: string; ok: boolean; code?: string; message?: string }>;
}

/**
 * Checks a connection the way a scan will use it: who the credentials are (STS
 * GetCallerIdentity), then one read-only IoT call in each chosen region (DescribeEndpoint), so an
 * opt-in region that is not enabled or a missing IoT permission shows before a scan starts.
 */
export async function testConnection(organizationId: string, connectionId: string): Promise<ConnectionTestResult> {
  let connection;
  try {
    connection = await openConnection(organizationId, connectionId);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") throw err;
    const message = err instanceof Error ? err.message : "The connection settings are not valid.";
    return record(connectionId, { ok: false, accountId: null, identity: null, error: { code: "InvalidSettings", message }, regions: [] });
  }
  const signal = AbortSignal.timeout(60_000);
  const home = connection.regions[0] ?? "us-east-1";
  let identity;
  try {
    identity = await identifyAccount(connection.factory(home, { signal }), signal);
  } catch (err) {
    const c = classifyAwsError(err, { operation: "GetCallerIdentity", region: home });
    return record(connectionId, { ok: false, accountId: null, identity: null, error: { code: c.code, message: c.message }, regions: [] });
  }
  const regions = await Promise.all(
    connection.regions.map(async (region) => {
      try {
        await connection.factory(region, { signal }).get(IoTClient).send(new DescribeEndpointCommand({ endpointType: "iot:Data-ATS" }), { abortSignal: signal });
        return { region, ok: true };
      } catch (err) {
        const c = classifyAwsError(err, { operation: "DescribeEndpoint", region });
        return { region, ok: false, code: c.code, message: c.message };
      }
    }),
  );
  return record(connectionId, { ok: regions.every((r) => r.ok), accountId: identity.accountId, identity: identity.arn, error: null, regions });
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

/**
 * Shared set-up for the stand-in's own tests: a server over a small estate, and SDK client
 * configuration pointing at it.
 */
import { generateEstate, type Estate } from "./estate";
import { DEFAULT_CREDENTIALS, startAwsStandIn, type AwsStandIn, type AwsStandInOptions } from "./server";

export interface TestStandIn {
  server: AwsStandIn;
  estate: Estate;
}

export async function startTestStandIn(
  options: Partial<Omit<AwsStandInOptions, "estate">> & { seed?: number; regions?: string[]; things?: number } = {},
): Promise<TestStandIn> {
  const { seed = 21, regions = ["eu-central-1", "us-east-1"], things = 300, ...serverOptions } = options;
  const estate = generateEstate({ seed, regions, thingsPerRegion: things });
  const server = await startAwsStandIn({ quotas: "off", ...serverOptions, estate });
  return { server, estate };
}

/** Client configuration for the real AWS SDK: no retries, so each call is one request. */
export function clientConfig(server: AwsStandIn, region = "eu-central-1", credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = DEFAULT_CREDENTIALS) {
  return { region, endpoint: server.url, credentials, maxAttempts: 1 };
}

/** The rejection of a promise, for asserting on SDK error names and status codes. */
export async function failure(promise: Promise<unknown>): Promise<{ name: string; status?: number; message: string; error: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name ?? "Error", status: e.$metadata?.httpStatusCode, message: e.message ?? String(error), error };
  }
  throw new Error("expected the call to fail, and it succeeded");
}

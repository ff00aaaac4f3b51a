import crypto from "node:crypto";
import { db } from "@/lib/db";
import { createConnection } from "@/lib/connections/save-connection";
import { createPlan } from "@/lib/plans/save-plan";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { generateEstate, type Estate } from "@/doubles/aws/estate";
import { DEFAULT_CREDENTIALS, startAwsStandIn, type AwsStandIn, type AwsStandInOptions } from "@/doubles/aws/server";
import { loadScopedPlan } from "@/lib/plans/scoped-plan";

/**
 * An organisation with a plan whose AWS connection points at a stand-in AWS serving a generated
 * estate: what the inventory's integration tests scan.
 */
export interface InventoryFixture {
  organizationId: string;
  planId: string;
  connectionId: string;
  standIn: AwsStandIn;
  estate: Estate;
  /** The regions of the connection and the plan (what a scan covers). */
  regions: string[];
  stop(): Promise<void>;
}

export interface InventoryFixtureOptions extends Partial<Omit<AwsStandInOptions, "estate" | "credentials">> {
  seed?: number;
  /** Regions of the estate. */
  regions?: string[];
  things?: number;
  hostile?: boolean;
  /** Regions of the connection and the plan; the estate's regions by default. */
  connectionRegions?: string[];
  /** The key pair the connection stores (access-keys mode); the stand-in's accepted pair by default. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Connect by assuming this role (assume-role mode; the source credentials come from the default chain). */
  assumeRole?: { roleArn: string; externalId?: string };
  /** The connection's API rate overrides ("service:Operation" or a bare IoT operation). */
  quotaOverrides?: Record<string, number>;
  /**
   * Where the scan finds the stand-in: the connection's endpoint (the default), or the SDK's own
   * AWS_ENDPOINT_URL, set for this process until stop() (the connection then has no endpoint).
   */
  endpointFrom?: "connection" | "environment";
}

export async function createInventoryFixture(options: InventoryFixtureOptions = {}): Promise<InventoryFixture> {
  const {
    seed = 7,
    regions = ["eu-central-1", "us-east-1"],
    things = 120,
    hostile = true,
    connectionRegions = regions,
    credentials = DEFAULT_CREDENTIALS,
    assumeRole,
    quotaOverrides,
    endpointFrom = "connection",
    ...serverOptions
  } = options;
  const estate = generateEstate({ seed, regions, thingsPerRegion: things, hostile });
  const standIn = await startAwsStandIn({ quotas: "off", ...serverOptions, estate });
  const organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name: "Inventory test" } });
  const auth = assumeRole
    ? { authMode: "assume-role" as const, roleArn: assumeRole.roleArn, externalId: assumeRole.externalId ?? null, accessKeyId: null, secretAccessKey: null }
    : { authMode: "access-keys" as const, roleArn: null, externalId: null, accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey };
  const { id: connectionId } = await createConnection(
    organizationId,
    { name: "Stand-in AWS", ...auth, profile: null, endpointUrl: endpointFrom === "connection" ? standIn.url : null, regions: connectionRegions, ...(quotaOverrides ? { quotaOverrides } : {}) },
    null,
  );
  const { id: planId } = await createPlan(
    organizationId,
    { name: "Fleet move", description: null, sourceConnectionId: connectionId, sourceRegions: connectionRegions, targetRegions: ["cn-shanghai"] },
    null,
  );
  const previousEndpoint = process.env.AWS_ENDPOINT_URL;
  if (endpointFrom === "environment") process.env.AWS_ENDPOINT_URL = standIn.url;
  const stop = async () => {
    if (endpointFrom === "environment") {
      if (previousEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = previousEndpoint;
    }
    await standIn.stop();
  };
  return { organizationId, planId, connectionId, standIn, estate, regions: connectionRegions, stop };
}

/** Records a scan of the fixture's plan and runs it to its end in this process. */
export async function scanFixture(
  fx: Pick<InventoryFixture, "organizationId" | "planId">,
  request: { mode?: "summary" | "deep"; includeShadows?: boolean } = {},
): Promise<{ scanId: string; status: string }> {
  const created = await createScan(
    await loadScopedPlan(fx.organizationId, fx.planId),
    { mode: request.mode ?? "summary", includeShadows: request.includeShadows ?? false },
    { requestedById: null, origin: "cli" },
  );
  const status = await runScanInline(created.scanId, created.parts);
  return { scanId: created.scanId, status };
}

/**
 * Every (region, kind) whose count differs between what a scan stored and what was expected, both
 * ways (a kind the scan found but nobody expected is a difference too), as "region kind: got N,
 * expected M". Empty when they agree exactly.
 */
export function countDifferences(actual: Record<string, Record<string, number>>, expected: Record<string, Record<string, number>>): string[] {
  const out: string[] = [];
  for (const region of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
    for (const kind of new Set([...Object.keys(actual[region] ?? {}), ...Object.keys(expected[region] ?? {})])) {
      const got = actual[region]?.[kind] ?? 0;
      const want = expected[region]?.[kind] ?? 0;
      if (got !== want) out.push(`${region} ${kind}: got ${got}, expected ${want}`);
    }
  }
  return out.sort();
}

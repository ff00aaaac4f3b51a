import crypto from "node:crypto";
import { db } from "@/lib/db";
import { createConnection } from "@/lib/connections/save-connection";
import { createPlan } from "@/lib/plans/save-plan";
import { generateEstate, type Estate } from "@/e2e/doubles/aws/estate";
import { DEFAULT_CREDENTIALS, startAwsStandIn, type AwsStandIn, type AwsStandInOptions } from "@/e2e/doubles/aws/server";

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
  regions: string[];
  stop(): Promise<void>;
}

export async function createInventoryFixture(
  options: { seed?: number; regions?: string[]; things?: number; hostile?: boolean; credentials?: { accessKeyId: string; secretAccessKey: string } } & Partial<Omit<AwsStandInOptions, "estate">> = {},
): Promise<InventoryFixture> {
  const { seed = 7, regions = ["eu-central-1", "us-east-1"], things = 120, hostile = true, credentials = DEFAULT_CREDENTIALS, ...serverOptions } = options;
  const estate = generateEstate({ seed, regions, thingsPerRegion: things, hostile });
  const standIn = await startAwsStandIn({ quotas: "off", ...serverOptions, estate });
  const organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name: "Inventory test" } });
  const { id: connectionId } = await createConnection(
    organizationId,
    { name: "Stand-in AWS", authMode: "access-keys", accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, profile: null, roleArn: null, externalId: null, endpointUrl: standIn.url, regions },
    null,
  );
  const { id: planId } = await createPlan(organizationId, { name: "Fleet move", description: null, sourceConnectionId: connectionId, sourceRegions: regions, targetRegions: ["cn-shanghai"] }, null);
  return { organizationId, planId, connectionId, standIn, estate, regions, stop: () => standIn.stop() };
}

import crypto from "node:crypto";
import { db } from "@/lib/db";
import { ensureDefaultOrganization } from "@/lib/organizations/ensure-default-organization";
import { encryptSecret } from "@/lib/crypto/encrypt-secret";
import { generateEstate } from "@/doubles/aws/estate";
import { DEFAULT_CREDENTIALS, startAwsStandIn } from "@/doubles/aws/server";

export interface DemoEstate {
  /** Variables the web and worker processes need: the connection's endpoint is on loopback, so allow it. */
  childEnv: Record<string, string>;
  summary: string[];
  stop(): Promise<void>;
}

const CONNECTION_NAME = "Demo AWS account (stand-in)";
const PLAN_NAME = "Demo: IoT fleet to Alibaba Cloud";
const REGIONS = ["eu-central-1", "us-east-1"];

/**
 * The demo's sample AWS: a local stand-in that speaks AWS's wire protocols with AWS's default
 * rate quotas, serving a generated IoT estate (a few thousand things in two regions, with the
 * buckets, tables, functions and streams its rules use), plus a ready connection and plan, so a
 * newcomer's first click scans something real. Nothing here touches a real AWS account.
 */
export async function seedDemoEstate(options: { thingsPerRegion?: number } = {}): Promise<DemoEstate> {
  const estate = generateEstate({ seed: 2026, regions: REGIONS, thingsPerRegion: options.thingsPerRegion ?? 2500, hostile: true });
  const standIn = await startAwsStandIn({ estate, quotas: "default" });
  const organizationId = await ensureDefaultOrganization();
  const existing = await db().cloudConnection.findFirst({ where: { organizationId, name: CONNECTION_NAME } });
  const id = existing?.id ?? crypto.randomUUID();
  const fields = {
    authMode: "access-keys",
    accessKeyId: DEFAULT_CREDENTIALS.accessKeyId,
    secretCiphertext: encryptSecret(DEFAULT_CREDENTIALS.secretAccessKey, id),
    // The stand-in listens on a new port each time the demo starts.
    endpointUrl: standIn.url,
    regions: REGIONS,
    accountId: estate.accountId,
  };
  if (existing) await db().cloudConnection.update({ where: { id }, data: fields });
  else await db().cloudConnection.create({ data: { id, organizationId, provider: "aws", name: CONNECTION_NAME, ...fields } });
  const plan = await db().migrationPlan.findFirst({ where: { organizationId, name: PLAN_NAME } });
  if (!plan) {
    await db().migrationPlan.create({
      data: {
        id: crypto.randomUUID(),
        organizationId,
        name: PLAN_NAME,
        description: "The sample estate: an IoT Core fleet in Frankfurt and N. Virginia and the services its rules feed.",
        sourceConnectionId: id,
        sourceRegions: REGIONS,
        targetRegions: ["cn-shanghai", "eu-central-1"],
      },
    });
  }
  const things = REGIONS.length * estate.thingsPerRegion;
  return {
    childEnv: { SILKROUTE_ALLOW_PRIVATE_ENDPOINTS: "true" },
    summary: [
      `  Sample AWS estate: ${things.toLocaleString("en")} IoT things in ${REGIONS.join(" and ")}, served by a local stand-in at ${standIn.url}`,
      `  with AWS's default API quotas. Plan "${PLAN_NAME}" is connected to it: Inventory → Scans → Start a scan.`,
      "",
    ],
    stop: () => standIn.stop(),
  };
}

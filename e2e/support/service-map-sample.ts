/**
 * The end-to-end server's mapped sample estate (see SERVICE_MAP_FILE): a plan of the demo
 * organisation reading the stand-in AWS, scanned to its end and mapped, so the service-map
 * journeys open a real mapping of the sample estate. Runs in the test server before the web server
 * starts.
 */
import { createConnection } from "@/lib/connections/save-connection";
import { createPlan } from "@/lib/plans/save-plan";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { runMapping } from "@/lib/mapping/runs/run-mapping";
import { ensureDefaultOrganization } from "@/lib/organizations/ensure-default-organization";
import { loadScopedPlan, loadScopedScan } from "@/lib/plans/scoped-plan";
import { SERVICE_MAP_PLAN_NAME } from "@/e2e/support/constants";

export interface ServiceMapSample {
  planId: string;
  planName: string;
  scanId: string;
  runId: string;
}

export async function createServiceMapSample(standIn: { url: string; accessKeyId: string; secretAccessKey: string; regions: string[] }): Promise<ServiceMapSample> {
  const organizationId = await ensureDefaultOrganization();
  const { id: connectionId } = await createConnection(
    organizationId,
    {
      name: "Sample estate (service map)",
      authMode: "access-keys",
      roleArn: null,
      externalId: null,
      profile: null,
      accessKeyId: standIn.accessKeyId,
      secretAccessKey: standIn.secretAccessKey,
      endpointUrl: standIn.url,
      regions: standIn.regions.slice(0, 1),
    },
    null,
  );
  const { id: planId } = await createPlan(
    organizationId,
    { name: SERVICE_MAP_PLAN_NAME, description: "The sample estate, scanned and mapped for the service-map journeys.", sourceConnectionId: connectionId, sourceRegions: standIn.regions.slice(0, 1), targetRegions: [] },
    null,
  );
  const scan = await createScan(await loadScopedPlan(organizationId, planId), { mode: "summary", includeShadows: false }, { requestedById: null, origin: "cli" });
  const status = await runScanInline(scan.scanId, scan.parts);
  if (status !== "complete" && status !== "partial") throw new Error(`the service-map sample's scan ended ${status}`);
  const run = await runMapping(await loadScopedScan(organizationId, scan.scanId));
  return { planId, planName: SERVICE_MAP_PLAN_NAME, scanId: scan.scanId, runId: run.runId };
}

/**
 * The end-to-end server's second organisation (see OTHER_ORG_FILE): an admin and a viewer, an AWS
 * connection to the stand-in, a plan and a scan of it run to its end, all apart from the demo
 * organisation. Runs in the test server before the web server starts.
 */
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { createConnection } from "@/lib/connections/save-connection";
import { createPlan } from "@/lib/plans/save-plan";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { loadScopedPlan } from "@/lib/plans/scoped-plan";
import { OTHER_ORG_PASSWORD, OTHER_ORG_PLAN_NAME, OTHER_ORG_USERS } from "@/e2e/support/constants";

export interface OtherOrganization {
  organizationId: string;
  users: { admin: { id: string; email: string }; viewer: { id: string; email: string } };
  connectionId: string;
  connectionName: string;
  planId: string;
  planName: string;
  scanId: string;
  resourceId: string;
}

export async function createSecondOrganization(standIn: { url: string; accessKeyId: string; secretAccessKey: string; regions: string[] }): Promise<OtherOrganization> {
  const organizationId = "e2e-other-organization";
  await db().organization.create({ data: { id: organizationId, name: "Other organisation" } });
  const admin = await createUser({ organizationId, email: OTHER_ORG_USERS.admin, name: "Otto Other-Admin", role: "admin", password: OTHER_ORG_PASSWORD });
  const viewer = await createUser({ organizationId, email: OTHER_ORG_USERS.viewer, name: "Olga Other-Viewer", role: "viewer", password: OTHER_ORG_PASSWORD });
  const connectionName = "Other organisation's AWS";
  const { id: connectionId } = await createConnection(
    organizationId,
    { name: connectionName, authMode: "access-keys", roleArn: null, externalId: null, profile: null, accessKeyId: standIn.accessKeyId, secretAccessKey: standIn.secretAccessKey, endpointUrl: standIn.url, regions: standIn.regions.slice(0, 1) },
    admin.id,
  );
  const { id: planId } = await createPlan(
    organizationId,
    { name: OTHER_ORG_PLAN_NAME, description: null, sourceConnectionId: connectionId, sourceRegions: standIn.regions.slice(0, 1), targetRegions: ["cn-hangzhou"] },
    admin.id,
  );
  const scan = await createScan(await loadScopedPlan(organizationId, planId), { mode: "summary", includeShadows: false }, { requestedById: admin.id, origin: "cli" });
  const status = await runScanInline(scan.scanId, scan.parts);
  if (status !== "complete" && status !== "partial") throw new Error(`the second organisation's scan ended ${status}`);
  const resource = await db().resource.findFirstOrThrow({ where: { scanId: scan.scanId }, select: { id: true }, orderBy: { id: "asc" } });
  return {
    organizationId,
    users: { admin: { id: admin.id, email: admin.email }, viewer: { id: viewer.id, email: viewer.email } },
    connectionId,
    connectionName,
    planId,
    planName: OTHER_ORG_PLAN_NAME,
    scanId: scan.scanId,
    resourceId: resource.id.toString(),
  };
}

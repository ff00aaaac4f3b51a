import crypto from "node:crypto";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/permissions";
import { listPlans } from "@/lib/plans/list-plans";
import { readOnlyPolicyDocument } from "@/lib/aws/read-only-policy";
import { ConnectionsManager } from "@/components/connections/connections-manager";
import { ReadOnlyPolicyPanel } from "@/components/connections/read-only-policy-panel";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.nav"))("connections") };
}

export default async function ConnectionsPage() {
  const user = await requirePermission("connection.read");
  const plans = await listPlans(user.organizationId);
  const plansByConnection: Record<string, string[]> = {};
  for (const plan of plans) if (plan.sourceConnectionId) (plansByConnection[plan.sourceConnectionId] ??= []).push(plan.name);
  return (
    <div className="space-y-6">
      <ConnectionsManager manage={can(user.role, "connection.manage")} plansByConnection={plansByConnection} />
      {/* A fresh, unguessable external id to start from; the admin may use their own. */}
      <ReadOnlyPolicyPanel policy={readOnlyPolicyDocument()} suggestedExternalId={`silkroute-${crypto.randomBytes(12).toString("hex")}`} />
    </div>
  );
}

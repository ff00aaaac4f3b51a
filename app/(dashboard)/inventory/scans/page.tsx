import Link from "next/link";
import { ArrowLeft, Boxes } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/permissions";
import { currentPlan } from "@/lib/plans/current-plan";
import { db } from "@/lib/db";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ScansTable } from "@/components/inventory/scans-table";
import { StartScanPanel } from "@/components/inventory/start-scan-panel";

export async function generateMetadata() {
  return { title: (await getTranslations("inventory.scans"))("title") };
}

export default async function ScansPage() {
  const user = await requirePermission("inventory.read");
  const t = await getTranslations("inventory.scans");
  const stage = await getTranslations("stages.inventory");
  const { plan } = await currentPlan(user.organizationId);
  const header = (
    <>
      <Link href="/inventory" className="mb-3 inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <ArrowLeft aria-hidden className="h-4 w-4" />
        {t("backToInventory")}
      </Link>
      <PageHeader title={t("title")} description={plan ? t("description", { plan: plan.name }) : undefined} />
    </>
  );
  if (!plan) {
    return (
      <>
        {header}
        <EmptyState icon={<Boxes className="h-6 w-6" />} title={stage("noPlanTitle")} description={stage("noPlanDescription")} />
      </>
    );
  }
  const connection = plan.sourceConnectionId
    ? await db().cloudConnection.findFirst({ where: { id: plan.sourceConnectionId, organizationId: user.organizationId }, select: { regions: true } })
    : null;
  // The regions a scan may read: the plan's, else (a plan without its own list) the connection's.
  const regions = plan.sourceRegions.length > 0 ? plan.sourceRegions : (connection?.regions ?? []);
  const canRun = can(user.role, "scan.run");
  return (
    <div className="space-y-6">
      <div>{header}</div>
      {canRun ? (
        !connection ? (
          <Alert tone="warning" title={t("noConnectionTitle")}>
            {t("noConnectionBody")}{" "}
            {can(user.role, "plan.manage") ? (
              <Link href="/settings/plans" className="font-medium underline">
                {t("noConnectionAction")}
              </Link>
            ) : null}
          </Alert>
        ) : regions.length === 0 ? (
          <Alert tone="warning">{t("noRegions")}</Alert>
        ) : (
          <StartScanPanel planId={plan.id} regions={regions} />
        )
      ) : null}
      <ScansTable planId={plan.id} />
    </div>
  );
}

import Link from "next/link";
import { Boxes } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/permissions";
import { currentPlan } from "@/lib/plans/current-plan";
import { listScans } from "@/lib/inventory/list-scans";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { InventoryView } from "@/components/inventory/inventory-view";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("inventory") };
}

const actionLink = "inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700";

export default async function InventoryPage() {
  const user = await requirePermission("inventory.read");
  const t = await getTranslations("stages.inventory");
  const { plan } = await currentPlan(user.organizationId);
  const admin = can(user.role, "connection.manage");
  const header = <PageHeader title={t("title")} description={t("description")} />;

  // Honest empty states: say what is missing and who can fix it.
  if (!plan || !plan.sourceConnectionId) {
    return (
      <>
        {header}
        <EmptyState
          icon={<Boxes className="h-6 w-6" />}
          title={plan ? t("noConnectionTitle") : t("noPlanTitle")}
          description={plan ? t("noConnectionDescription") : t("noPlanDescription")}
          steps={[t("step1"), t("step2"), t("step3")]}
          action={
            admin ? (
              <Link href={plan ? "/settings/connections" : "/settings/plans"} className={actionLink}>
                {plan ? t("connectAction") : t("createPlanAction")}
              </Link>
            ) : (
              <p className="text-sm text-slate-600">{t("askAdmin")}</p>
            )
          }
        />
      </>
    );
  }

  const [latest] = await listScans(plan, 1);
  if (!latest) {
    return (
      <>
        {header}
        <EmptyState
          icon={<Boxes className="h-6 w-6" />}
          title={t("emptyTitle")}
          description={t("emptyDescription")}
          steps={[t("step1"), t("step2"), t("step3")]}
          action={
            can(user.role, "scan.run") ? (
              <Link href="/inventory/scans" className={actionLink} data-testid="plan-first-scan">
                {t("scanAction")}
              </Link>
            ) : (
              <p className="text-sm text-slate-600">{t("askEngineer")}</p>
            )
          }
        />
      </>
    );
  }

  return (
    <>
      {header}
      <InventoryView planId={plan.id} />
    </>
  );
}

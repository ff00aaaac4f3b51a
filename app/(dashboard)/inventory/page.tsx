import Link from "next/link";
import { Boxes } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/permissions";
import { currentPlan } from "@/lib/plans/current-plan";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("inventory") };
}

export default async function InventoryPage() {
  const user = await requirePermission("inventory.read");
  const t = await getTranslations("stages.inventory");
  const { plan } = await currentPlan(user.organizationId);
  const admin = can(user.role, "connection.manage");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EmptyState
        icon={<Boxes className="h-6 w-6" />}
        title={plan ? t("emptyTitle") : t("noPlanTitle")}
        description={plan ? t("emptyDescription") : t("noPlanDescription")}
        steps={[t("step1"), t("step2"), t("step3")]}
        action={
          admin ? (
            <Link href={plan ? "/settings/connections" : "/settings/plans"} className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
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

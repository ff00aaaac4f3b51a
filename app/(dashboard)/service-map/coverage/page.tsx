import { PieChart } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/permissions";
import { currentPlan } from "@/lib/plans/current-plan";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CoverageView } from "@/components/coverage/coverage-view";

export async function generateMetadata() {
  return { title: (await getTranslations("coverage"))("title") };
}

/** How much of the estate maps automatically, what needs a decision, and the decisions to work through. */
export default async function CoveragePage() {
  const user = await requirePermission("servicemap.read");
  const t = await getTranslations("coverage");
  const { plan } = await currentPlan(user.organizationId);
  const header = <PageHeader title={t("title")} description={t("description")} />;
  if (!plan) {
    return (
      <>
        {header}
        <EmptyState icon={<PieChart className="h-6 w-6" />} title={t("noPlanTitle")} description={t("noPlanBody")} />
      </>
    );
  }
  return (
    <>
      {header}
      <CoverageView planId={plan.id} canDecide={can(user.role, "mapping.decide")} />
    </>
  );
}

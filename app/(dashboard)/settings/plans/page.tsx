import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { listPlans } from "@/lib/plans/list-plans";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { PlanForm } from "@/components/settings/plan-form";
import { ArchivePlanButton } from "@/components/settings/archive-plan-button";
import { Alert } from "@/components/ui/alert";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.nav"))("plans") };
}

export default async function PlansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("plan.read");
  const t = await getTranslations("settings.plans");
  const manage = can(user.role, "plan.manage");
  const plans = await listPlans(user.organizationId);
  const connections = manage
    ? await db().cloudConnection.findMany({ where: { organizationId: user.organizationId, provider: "aws" }, select: { id: true, name: true }, orderBy: { name: "asc" } })
    : [];
  const connectionNames = new Map(connections.map((c) => [c.id, c.name]));
  const archived = (await searchParams).archived === "1";
  return (
    <div className="space-y-6">
      {archived ? (
        <Alert tone="success" data-testid="plan-archived">
          {t("archived")}
        </Alert>
      ) : null}
      {plans.length === 0 ? (
        <Card>
          <CardBody className="text-sm text-slate-600">{manage ? t("noneAdmin") : t("noneOther")}</CardBody>
        </Card>
      ) : (
        plans.map((plan) => (
          <Card key={plan.id} data-testid="plan-card">
            <CardHeader
              title={plan.name}
              actions={manage ? <ArchivePlanButton planId={plan.id} planName={plan.name} /> : undefined}
              description={
                <span className="flex flex-wrap gap-2">
                  <Badge tone="info">AWS: {plan.sourceRegions.join(", ") || "—"}</Badge>
                  <Badge tone="warning">Alibaba: {plan.targetRegions.join(", ") || "—"}</Badge>
                  {plan.sourceConnectionId ? <Badge>{connectionNames.get(plan.sourceConnectionId) ?? t("connectionSet")}</Badge> : null}
                </span>
              }
            />
            {manage ? (
              <CardBody>
                <PlanForm
                  connections={connections}
                  initial={{
                    id: plan.id,
                    name: plan.name,
                    description: plan.description,
                    sourceConnectionId: plan.sourceConnectionId,
                    sourceRegions: plan.sourceRegions,
                    targetRegions: plan.targetRegions,
                  }}
                />
              </CardBody>
            ) : null}
          </Card>
        ))
      )}
      {manage ? (
        <Card>
          <CardHeader title={t("createTitle")} description={t("createDescription")} />
          <CardBody>
            <PlanForm connections={connections} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/require-permission";
import { currentPlan } from "@/lib/plans/current-plan";
import { AppShell } from "@/components/shell/app-shell";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePermission("plan.read");
  const { plan, plans } = await currentPlan(user.organizationId);
  return (
    <AppShell user={{ name: user.name, email: user.email, role: user.role }} plans={plans.map((p) => ({ id: p.id, name: p.name }))} currentPlanId={plan?.id ?? null}>
      {children}
    </AppShell>
  );
}

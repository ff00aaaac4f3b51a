"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { selectPlanAction } from "@/lib/actions/plans/select-plan";

export function PlanSwitcher({ plans, currentId }: { plans: Array<{ id: string; name: string }>; currentId: string | null }) {
  const t = useTranslations("shell");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (plans.length === 0) return <span className="text-sm text-slate-500">{t("noPlan")}</span>;
  return (
    <label className="flex min-w-0 items-center gap-2 text-sm text-slate-600">
      <span className="hidden shrink-0 sm:inline">{t("plan")}</span>
      <select
        aria-label={t("plan")}
        data-testid="plan-switcher"
        className="min-w-0 max-w-[16rem] truncate rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-900"
        value={currentId ?? ""}
        disabled={pending}
        onChange={(e) => {
          const id = e.target.value;
          startTransition(async () => {
            await selectPlanAction({ planId: id });
            router.refresh();
          });
        }}
      >
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

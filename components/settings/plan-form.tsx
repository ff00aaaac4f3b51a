"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AWS_REGIONS, ALIBABA_REGIONS } from "@/lib/plans/known-regions";
import { createPlanAction } from "@/lib/actions/plans/create-plan";
import { updatePlanAction } from "@/lib/actions/plans/update-plan";
import { useErrorText } from "@/components/ui/error-text";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";

export interface PlanFormValues {
  id?: string;
  name: string;
  description: string | null;
  sourceConnectionId: string | null;
  sourceRegions: string[];
  targetRegions: string[];
}

function RegionChecks({ name, regions, selected, legend }: { name: string; regions: readonly string[]; selected: string[]; legend: string }) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      <div className="grid max-h-48 grid-cols-2 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-3">
        {regions.map((r) => (
          <label key={r} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name={name} value={r} defaultChecked={selected.includes(r)} className="h-4 w-4 rounded border-slate-300" />
            <span className="font-mono text-xs">{r}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function PlanForm({ initial, connections }: { initial?: PlanFormValues; connections: Array<{ id: string; name: string }> }) {
  const t = useTranslations("settings.plans");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      sourceConnectionId: String(form.get("sourceConnectionId") ?? ""),
      sourceRegions: form.getAll("sourceRegions").map(String),
      targetRegions: form.getAll("targetRegions").map(String),
    };
    setPending(true);
    const result = initial?.id ? await updatePlanAction({ ...input, planId: initial.id }) : await createPlanAction(input);
    setPending(false);
    if (!result.ok) {
      setError(errorText(result.error));
      setDone(null);
      return;
    }
    setError(null);
    setDone(initial?.id ? t("saved") : t("created"));
    if (!initial?.id) formElement.reset();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid={initial?.id ? `plan-form-${initial.id}` : "create-plan-form"}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Label htmlFor={`plan-name-${initial?.id ?? "new"}`}>{t("name")}</Label>
          <Input id={`plan-name-${initial?.id ?? "new"}`} name="name" required maxLength={120} defaultValue={initial?.name} />
        </div>
        <div>
          <Label htmlFor={`plan-conn-${initial?.id ?? "new"}`}>{t("connection")}</Label>
          <Select id={`plan-conn-${initial?.id ?? "new"}`} name="sourceConnectionId" defaultValue={initial?.sourceConnectionId ?? ""}>
            <option value="">{t("noConnection")}</option>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div>
        <Label htmlFor={`plan-desc-${initial?.id ?? "new"}`}>{t("descriptionField")}</Label>
        <Input id={`plan-desc-${initial?.id ?? "new"}`} name="description" maxLength={2000} defaultValue={initial?.description ?? ""} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <RegionChecks name="sourceRegions" regions={AWS_REGIONS} selected={initial?.sourceRegions ?? []} legend={t("sourceRegions")} />
        <RegionChecks name="targetRegions" regions={ALIBABA_REGIONS} selected={initial?.targetRegions ?? []} legend={t("targetRegions")} />
      </div>
      <Button type="submit" disabled={pending}>
        {initial?.id ? t("save") : t("create")}
      </Button>
    </form>
  );
}

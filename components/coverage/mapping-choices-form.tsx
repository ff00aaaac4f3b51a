"use client";
import { useEffect, useId, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { MappingChoiceOptions } from "@/lib/mapping/read-mapping-choice-options";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/error-text";
import { useMappingChoiceOptions } from "@/components/coverage/use-mapping-choice-options";
import { useRegionChangeCheck } from "@/components/coverage/use-region-change-check";
import { useSetMappingChoices } from "@/components/coverage/use-set-mapping-choices";
import { RegionChangeReport } from "@/components/coverage/region-change-report";

interface Draft {
  iotTarget: string | null;
  kindTargets: Record<string, string>;
  targetRegionBySource: Record<string, string>;
}

function draftOf(options: MappingChoiceOptions): Draft {
  return { iotTarget: options.choices.iotTarget, kindTargets: { ...options.choices.kindTargets }, targetRegionBySource: { ...options.choices.targetRegionBySource } };
}

/** One source region's target: the proposal or an architect's region, and what a change of it breaks. */
function SourceRegionField({
  planId,
  row,
  value,
  regions,
  disabled,
  onChange,
  onBreaks,
}: {
  planId: string;
  row: MappingChoiceOptions["sourceRegions"][number];
  value: string | undefined;
  regions: MappingChoiceOptions["regions"];
  disabled: boolean;
  onChange: (region: string | undefined) => void;
  onBreaks: (breaks: boolean) => void;
}) {
  const t = useTranslations("mappingChoices");
  const id = useId();
  const pending = value !== undefined && value !== row.chosen ? value : null;
  const check = useRegionChangeCheck(planId, row.sourceRegion, pending);
  const breaks = pending !== null && check.data ? check.data.findings.some((f) => f.severity === "break") : false;
  useEffect(() => onBreaks(breaks), [breaks, onBreaks]);
  const worlds = ["international", "mainland-china"] as const;
  return (
    <div data-testid="source-region-field">
      <Label htmlFor={id}>{t("regionFor", { region: row.sourceRegion })}</Label>
      <Select id={id} value={value ?? ""} disabled={disabled} onChange={(e) => onChange(e.target.value || undefined)} data-testid={`target-region-${row.sourceRegion}`}>
        <option value="">{row.proposed ? t("regionProposed", { region: row.proposed }) : t("regionNoProposal")}</option>
        {worlds.map((world) => (
          <optgroup key={world} label={t(`world.${world}`)}>
            {regions
              .filter((r) => r.world === world)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id} · {r.city}
                </option>
              ))}
          </optgroup>
        ))}
      </Select>
      {pending && check.isPending ? <p className="mt-1 text-xs text-slate-500">{t("checking")}</p> : null}
      {pending && check.data ? <RegionChangeReport check={check.data} /> : null}
    </div>
  );
}

/**
 * The plan's mapping choices: the target AWS IoT Core things become (IoT Platform by default, with
 * the catalogue's caveat on its future shown beside it; ApsaraMQ for MQTT; a self-managed broker),
 * a candidate per kind where the catalogue offers several, and the Alibaba region each source
 * region moves to (a change shows what it breaks before it is saved). Architects change them with a
 * reason; everyone else reads them.
 */
export function MappingChoicesForm({ planId, canDecide }: { planId: string; canDecide: boolean }) {
  const t = useTranslations("mappingChoices");
  const tc = useTranslations("coverage");
  const errorText = useErrorText();
  const options = useMappingChoiceOptions(planId);
  const save = useSetMappingChoices(planId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [reason, setReason] = useState("");
  const [accept, setAccept] = useState(false);
  const [breaking, setBreaking] = useState<Record<string, boolean>>({});
  const [saved, setSaved] = useState(false);
  const reasonId = useId();
  const iotId = useId();

  const current = draft ?? (options.data ? draftOf(options.data) : null);
  const dirty = useMemo(() => (options.data && draft ? JSON.stringify(draftOf(options.data)) !== JSON.stringify(draft) : false), [options.data, draft]);
  const anyBreaks = Object.values(breaking).some(Boolean);

  if (options.isError) return <Alert tone="error">{errorText(options.error as never)}</Alert>;
  if (!options.data || !current) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  const data = options.data;
  const iotShown = data.iot.targets.find((x) => x.name === (current.iotTarget ?? data.iot.targets[0]?.name)) ?? null;
  const update = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...current, ...change });
  };

  return (
    <Card>
      <CardHeader title={t("title")} description={canDecide ? t("descriptionArchitect") : t("descriptionViewer")} />
      <CardBody>
        <form
          className="space-y-5"
          data-testid="mapping-choices-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!canDecide || !dirty || !reason.trim()) return;
            save.mutate(
              { planId, ...current, reason: reason.trim(), acceptBreaks: accept },
              {
                onSuccess: () => {
                  setDraft(null);
                  setReason("");
                  setAccept(false);
                  setSaved(true);
                },
              },
            );
          }}
        >
          <div>
            <Label htmlFor={iotId}>{t("iotTarget")}</Label>
            <Select id={iotId} value={current.iotTarget ?? ""} disabled={!canDecide} onChange={(e) => update({ iotTarget: e.target.value || null })} data-testid="iot-target">
              <option value="">{t("iotDefault", { name: data.iot.targets[0]?.name ?? "IoT Platform" })}</option>
              {data.iot.targets.map((target) => (
                <option key={target.name} value={target.name}>
                  {target.name}
                </option>
              ))}
            </Select>
            {data.iot.note ? <p className="mt-1 text-xs text-slate-500">{data.iot.note}</p> : null}
            {iotShown ? (
              <div className="mt-2 space-y-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="iot-target-details">
                <p className="flex flex-wrap items-center gap-1.5">
                  <Badge tone="info">{tc.has(`fit.${iotShown.fit}`) ? tc(`fit.${iotShown.fit}`) : iotShown.fit}</Badge>
                  <Badge tone={iotShown.confidence === "high" ? "success" : "warning"}>{t("confidence", { level: t(`confidenceLevel.${iotShown.confidence}`) })}</Badge>
                  {iotShown.rosType ? <span className="text-xs text-slate-500">{iotShown.rosType}</span> : <span className="text-xs text-slate-500">{t("noRosType")}</span>}
                </p>
                <p>{iotShown.differs}</p>
                {iotShown.caveat ? (
                  <p className="text-amber-900" data-testid="iot-caveat">
                    <span className="font-medium">{t("caveat")}: </span>
                    {iotShown.caveat}
                  </p>
                ) : null}
                {iotShown.gaps.length > 0 ? (
                  <details>
                    <summary className="cursor-pointer text-slate-600">{t("gaps", { count: iotShown.gaps.length })}</summary>
                    <ul className="mt-1 list-disc pl-5">
                      {iotShown.gaps.map((g) => (
                        <li key={g.key}>{g.text}</li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </div>
            ) : null}
          </div>

          {data.kinds.length > 0 ? (
            <fieldset className="space-y-3">
              <legend className="text-sm font-medium text-slate-700">{t("kindTargets")}</legend>
              <div className="grid gap-3 sm:grid-cols-2">
                {data.kinds.map((k) => (
                  <div key={k.kind}>
                    <Label htmlFor={`kind-${k.kind}`} className="text-xs text-slate-600">
                      {k.kind}
                    </Label>
                    <Select
                      id={`kind-${k.kind}`}
                      value={current.kindTargets[k.kind] ?? ""}
                      disabled={!canDecide}
                      onChange={(e) => {
                        const next = { ...current.kindTargets };
                        if (e.target.value) next[k.kind] = e.target.value;
                        else delete next[k.kind];
                        update({ kindTargets: next });
                      }}
                    >
                      <option value="">{t("kindDefault", { name: k.targets[0]?.name ?? "" })}</option>
                      {k.targets.map((target) => (
                        <option key={target.name} value={target.name}>
                          {target.name}
                        </option>
                      ))}
                    </Select>
                  </div>
                ))}
              </div>
            </fieldset>
          ) : null}

          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-slate-700">{t("regions")}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {data.sourceRegions.map((row) => (
                <SourceRegionField
                  key={row.sourceRegion}
                  planId={planId}
                  row={row}
                  value={current.targetRegionBySource[row.sourceRegion]}
                  regions={data.regions}
                  disabled={!canDecide}
                  onBreaks={(b) => setBreaking((prev) => (prev[row.sourceRegion] === b ? prev : { ...prev, [row.sourceRegion]: b }))}
                  onChange={(region) => {
                    const next = { ...current.targetRegionBySource };
                    if (region) next[row.sourceRegion] = region;
                    else delete next[row.sourceRegion];
                    update({ targetRegionBySource: next });
                  }}
                />
              ))}
            </div>
          </fieldset>

          {canDecide ? (
            <div className="space-y-3 border-t border-slate-200 pt-4">
              <div>
                <Label htmlFor={reasonId}>{t("reason")}</Label>
                <Input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder={t("reasonPlaceholder")} data-testid="choices-reason" />
              </div>
              {anyBreaks ? (
                <label className="flex items-start gap-2 text-sm text-red-800">
                  <input type="checkbox" checked={accept} onChange={(e) => setAccept(e.target.checked)} className="mt-0.5" data-testid="choices-accept" />
                  {t("acceptBreaks")}
                </label>
              ) : null}
              {save.isError ? (
                <p role="alert" className="text-sm text-red-700">
                  {errorText(save.error)}
                </p>
              ) : null}
              {saved ? (
                <p role="status" className="text-sm text-emerald-800" data-testid="choices-saved">
                  {t("saved")}
                </p>
              ) : null}
              <div className="flex flex-wrap gap-2">
                <Button type="submit" size="sm" disabled={!dirty || !reason.trim() || save.isPending || (anyBreaks && !accept)} data-testid="choices-save">
                  {save.isPending ? t("saving") : t("save")}
                </Button>
                {dirty ? (
                  <Button type="button" size="sm" variant="ghost" onClick={() => setDraft(null)}>
                    {t("reset")}
                  </Button>
                ) : null}
              </div>
            </div>
          ) : null}
        </form>
      </CardBody>
    </Card>
  );
}

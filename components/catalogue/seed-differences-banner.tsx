"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { decideSeedDifferenceAction } from "@/lib/actions/catalogue/decide-seed-difference";
import type { SeedDifferenceRow } from "@/lib/catalogue/list-seed-differences";
import { catalogueKeys } from "@/components/catalogue/catalogue-keys";
import { useSeedDifferences } from "@/components/catalogue/use-seed-differences";
import { ChangeList } from "@/components/catalogue/change-list";
import { useErrorText } from "@/components/ui/error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/input";

function DifferenceItem({ difference, canEdit, onNotice }: { difference: SeedDifferenceRow; canEdit: boolean; onNotice: (message: string) => void }) {
  const t = useTranslations("catalogue.differences");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `difference-${difference.id}`;

  async function decide(decision: "accept" | "keep") {
    if (reason.trim().length === 0) {
      setProblem(t("reasonRequired"));
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await decideSeedDifferenceAction({ differenceId: difference.id, decision, reason: reason.trim() });
    setBusy(false);
    if (!result.ok) {
      setProblem(errorText(result.error));
      return;
    }
    await queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    onNotice(decision === "accept" ? t("accepted", { kind: difference.kind }) : t("kept", { kind: difference.kind }));
  }

  return (
    <li className="rounded-md border border-amber-200 bg-white p-3 text-slate-800" data-testid="seed-difference" data-kind={difference.kind}>
      <p className="text-sm">
        <code className="font-semibold">{difference.kind}</code>{" "}
        {difference.seedEntry === null ? t("droppedBySeed", { version: difference.toVersion }) : t("changedBySeed", { version: difference.toVersion, from: difference.fromVersion ?? "—" })}
      </p>
      <details className="mt-2" open>
        <summary className="cursor-pointer text-sm text-brand-700">{t("fields", { count: difference.changes.length })}</summary>
        <div className="mt-2">
          <ChangeList changes={difference.changes} beforeLabel={t("yours")} afterLabel={t("seeds")} />
        </div>
      </details>
      {canEdit ? (
        <div className="mt-3 space-y-2">
          <div>
            <Label htmlFor={`${id}-reason`}>{t("reason")}</Label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
            />
            {problem ? <p className="mt-1 text-sm text-red-700">{problem}</p> : null}
          </div>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" disabled={busy} onClick={() => decide("accept")} data-testid="difference-accept">
              {t("accept")}
            </Button>
            <Button size="sm" variant="secondary" disabled={busy} onClick={() => decide("keep")} data-testid="difference-keep">
              {t("keep")}
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** A newer seed's differences on edited entries, each shown field by field, for an architect to take or keep. */
export function SeedDifferencesBanner({ canEdit, onNotice }: { canEdit: boolean; onNotice: (message: string) => void }) {
  const t = useTranslations("catalogue.differences");
  const differences = useSeedDifferences();
  const rows = differences.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Alert tone="warning" title={t("title", { count: rows.length })} data-testid="seed-differences">
      <p>{canEdit ? t("description") : t("descriptionViewer")}</p>
      <ul className="mt-3 space-y-3">
        {rows.map((d) => (
          <DifferenceItem key={d.id} difference={d} canEdit={canEdit} onNotice={onNotice} />
        ))}
      </ul>
    </Alert>
  );
}

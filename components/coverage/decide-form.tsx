"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { OpenDecisionItem } from "@/lib/mapping/list-open-decisions";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/error-text";
import { useDecideProposal } from "@/components/coverage/use-decide-proposal";

const NO_EQUIVALENT = "\u0000none";

/**
 * Decides one proposal in place: one of its candidates (with fit and ROS type) or "no equivalent",
 * with a reason (required, up to 500 characters). The server checks the same; its refusal is shown
 * in the user's language.
 */
export function DecideForm({ planId, runId, item, onDone }: { planId: string; runId: string; item: OpenDecisionItem; onDone?: () => void }) {
  const t = useTranslations("coverage.decide");
  const tc = useTranslations("coverage");
  const errorText = useErrorText();
  const id = useId();
  const decide = useDecideProposal(planId);
  const [choice, setChoice] = useState<string | null>(item.overridden ? (item.target ?? NO_EQUIVALENT) : null);
  const [reason, setReason] = useState("");
  const reasonTrimmed = reason.trim();
  const canSubmit = choice !== null && reasonTrimmed.length > 0 && reasonTrimmed.length <= 500 && !decide.isPending;

  return (
    <form
      className="space-y-3"
      data-testid="decide-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!canSubmit) return;
        decide.mutate(
          {
            planId,
            runId,
            kind: item.kind,
            arn: item.arn,
            status: choice === NO_EQUIVALENT ? "none" : "mapped",
            target: choice === NO_EQUIVALENT ? null : choice,
            reason: reasonTrimmed,
          },
          { onSuccess: () => onDone?.() },
        );
      }}
    >
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("choose")}</legend>
        <div className="space-y-1.5">
          {item.candidates.map((c) => (
            <label key={c.name} className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
              <input type="radio" name={`${id}-choice`} value={c.name} checked={choice === c.name} onChange={() => setChoice(c.name)} className="mt-0.5" data-testid="decide-candidate" />
              <span className="min-w-0">
                <span className="font-medium text-slate-900">{c.name}</span>
                <span className="block text-xs text-slate-600">
                  {t("candidateMeta", { rank: c.rank, fit: tc.has(`fit.${c.fit}`) ? tc(`fit.${c.fit}`) : c.fit, rosType: c.rosType ?? t("noRosType") })}
                </span>
              </span>
            </label>
          ))}
          <label className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
            <input type="radio" name={`${id}-choice`} value="none" checked={choice === NO_EQUIVALENT} onChange={() => setChoice(NO_EQUIVALENT)} className="mt-0.5" data-testid="decide-no-equivalent" />
            <span>
              <span className="font-medium text-slate-900">{t("noEquivalent")}</span>
              <span className="block text-xs text-slate-600">{t("noEquivalentHint")}</span>
            </span>
          </label>
        </div>
      </fieldset>
      <div>
        <Label htmlFor={`${id}-reason`}>{t("reason")}</Label>
        <textarea
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          rows={2}
          required
          placeholder={t("reasonPlaceholder")}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
          data-testid="decide-reason"
        />
        <p className="mt-1 text-xs text-slate-500">{t("reasonHint", { count: reasonTrimmed.length })}</p>
      </div>
      {decide.isError ? (
        <p role="alert" className="text-sm text-red-700" data-testid="decide-error">
          {errorText(decide.error)}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={!canSubmit} data-testid="decide-submit">
          {decide.isPending ? t("saving") : t("submit")}
        </Button>
        {onDone ? (
          <Button type="button" size="sm" variant="ghost" onClick={onDone}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

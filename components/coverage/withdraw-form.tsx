"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/error-text";
import { useWithdrawOverride } from "@/components/coverage/use-withdraw-override";

/** Withdraws an architect's decision, with a reason: the resource goes back to what the mapping step proposed. */
export function WithdrawForm({ planId, runId, kind, arn, onDone }: { planId: string; runId: string; kind: string; arn: string; onDone: () => void }) {
  const t = useTranslations("coverage.withdraw");
  const errorText = useErrorText();
  const id = useId();
  const withdraw = useWithdrawOverride(planId);
  const [reason, setReason] = useState("");
  const trimmed = reason.trim();
  return (
    <form
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
      data-testid="withdraw-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!trimmed) return;
        withdraw.mutate({ planId, runId, kind, arn, reason: trimmed }, { onSuccess: onDone });
      }}
    >
      <p className="text-sm text-slate-700">{t("explain")}</p>
      <div>
        <Label htmlFor={`${id}-reason`}>{t("reason")}</Label>
        <Input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required data-testid="withdraw-reason" />
      </div>
      {withdraw.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {errorText(withdraw.error)}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="danger" disabled={!trimmed || withdraw.isPending} data-testid="withdraw-submit">
          {t("submit")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

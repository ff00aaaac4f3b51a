"use client";
import { Archive } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { archivePlanAction } from "@/lib/actions/plans/archive-plan";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { SafeText } from "@/components/ui/safe-text";
import { useErrorText } from "@/components/ui/error-text";

/**
 * An admin archives a plan, after confirming: it leaves the plan list and the plan switcher, and
 * its scans are kept. On success the page says so; a refusal is shown beside the button.
 */
export function ArchivePlanButton({ planId, planName }: { planId: string; planName: string }) {
  const t = useTranslations("settings.plans");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmDialog
        trigger={
          <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50" data-testid="archive-plan" aria-label={t("archive")}>
            <Archive aria-hidden className="h-4 w-4" />
            <span className="hidden sm:inline">{t("archive")}</span>
          </Button>
        }
        title={t("archiveTitle")}
        description={
          <>
            <p>
              <SafeText value={planName} className="font-medium text-slate-900" />
            </p>
            <p className="mt-2">{t("archiveBody")}</p>
          </>
        }
        confirmLabel={t("archiveConfirm")}
        tone="danger"
        onConfirm={async () => {
          const outcome = await archivePlanAction({ planId });
          if (!outcome.ok) {
            setError(errorText(outcome.error) ?? "");
            return;
          }
          setError(null);
          router.push("/settings/plans?archived=1");
          router.refresh();
        }}
      />
      {error ? (
        <p role="alert" className="max-w-xs text-right text-xs text-red-700" data-testid="archive-plan-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { RotateCcw, Square } from "lucide-react";
import { cancelScanAction } from "@/lib/actions/scans/cancel-scan";
import { resumeScanAction } from "@/lib/actions/scans/resume-scan";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useErrorText } from "@/components/ui/error-text";
import { inventoryKeys } from "@/components/inventory/inventory-keys";
import { isScanActive } from "@/components/inventory/scan-status";
import type { ActionResult } from "@/lib/errors";

type Outcome = ActionResult<unknown>;

/** Cancel (queued or running) and Resume (stopped early), each after a confirmation. */
export function ScanControls({ scanId, planId, status, cancelRequested, resumable }: { scanId: string; planId: string; status: string; cancelRequested: boolean; resumable: boolean }) {
  const t = useTranslations("inventory.controls");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function run(action: () => Promise<Outcome>, done: string) {
    const result = await action();
    setNotice(result.ok ? { tone: "success", text: done } : { tone: "error", text: errorText(result.error) ?? "" });
    await queryClient.invalidateQueries({ queryKey: inventoryKeys.scan(scanId) });
    await queryClient.invalidateQueries({ queryKey: inventoryKeys.plan(planId) });
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        {isScanActive(status) ? (
          <ConfirmDialog
            trigger={
              <Button variant="danger" disabled={cancelRequested} data-testid="cancel-scan">
                <Square aria-hidden className="h-4 w-4" />
                {cancelRequested ? t("cancelling") : t("cancel")}
              </Button>
            }
            title={t("cancelTitle")}
            description={t("cancelBody")}
            confirmLabel={t("cancelConfirm")}
            tone="danger"
            onConfirm={() => run(() => cancelScanAction({ scanId }), t("cancelDone"))}
          />
        ) : null}
        {resumable ? (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" data-testid="resume-scan">
                <RotateCcw aria-hidden className="h-4 w-4" />
                {t("resume")}
              </Button>
            }
            title={t("resumeTitle")}
            description={t("resumeBody")}
            confirmLabel={t("resumeConfirm")}
            onConfirm={() => run(() => resumeScanAction({ scanId }), t("resumeDone"))}
          />
        ) : null}
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
    </div>
  );
}

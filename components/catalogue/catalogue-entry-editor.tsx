"use client";
// Before any schema is built: zod must not probe for eval under the page's CSP.
import "@/components/connections/browser-zod";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { editCatalogueEntryAction } from "@/lib/actions/catalogue/edit-catalogue-entry";
import { retireCatalogueEntryAction } from "@/lib/actions/catalogue/retire-catalogue-entry";
import { CONFIDENCES, FITS } from "@/lib/catalogue/catalogue-schema";
import type { CatalogueEntry, Confidence, Fit } from "@/lib/catalogue/catalogue-types";
import { catalogueKeys } from "@/components/catalogue/catalogue-keys";
import { applyDraft, draftOf, issuesUnder, validateEntry, type EntryDraft, type TargetDraft } from "@/components/catalogue/entry-draft";
import { useErrorText } from "@/components/ui/error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { cn } from "@/lib/ui/cn";

const textarea =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30";

/** Paths the structured form shows beside a field; any other problem is listed above the form. */
function shownPaths(count: number): string[] {
  return Array.from({ length: count }, (_, i) => ["rank", "fit", "differs", "gaps", "confidence"].map((f) => `targets.${i}.${f}`)).flat();
}

function Problems({ messages, id }: { messages: string[]; id?: string }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700" data-testid="field-error">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

/**
 * An architect's editor for one catalogue entry: a form for the common fields of each candidate
 * (rank, fit, what differs, gaps, confidence) or the whole entry as JSON, validated as the seed is
 * with every problem shown at its field, and a required reason. Retiring or restoring the entry
 * takes the same reason. The server checks the permission and validates again.
 */
export function CatalogueEntryEditor({ entry, retired, onDone }: { entry: CatalogueEntry; retired: boolean; onDone: (message: string) => void }) {
  const t = useTranslations("catalogue.editor");
  const fits = useTranslations("catalogue.fit");
  const confidences = useTranslations("catalogue.confidence");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"form" | "json">("form");
  const [draft, setDraft] = useState<EntryDraft>(() => draftOf(entry));
  const [json, setJson] = useState(() => JSON.stringify(entry, null, 2));
  const [reason, setReason] = useState("");
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idBase = `edit-${entry.kind.replace(/[^A-Za-z0-9]/g, "-")}`;

  const setTarget = (i: number, change: Partial<TargetDraft>) =>
    setDraft((d) => ({ targets: d.targets.map((target, j) => (j === i ? { ...target, ...change } : target)) }));

  function candidate(): unknown {
    if (mode === "form") return applyDraft(entry, draft);
    try {
      return JSON.parse(json) as unknown;
    } catch (err) {
      return { __invalidJson: err instanceof Error ? err.message : "invalid" };
    }
  }

  function switchMode(next: "form" | "json") {
    if (next === mode) return;
    if (next === "json") {
      setJson(JSON.stringify(applyDraft(entry, draft), null, 2));
    } else {
      const parsed = validateEntry(candidate());
      if (!parsed.ok) {
        setIssues(parsed.issues);
        return;
      }
      setDraft(draftOf(parsed.entry));
    }
    setIssues({});
    setMode(next);
  }

  async function finish(result: { ok: true } | { ok: false; error: Parameters<typeof errorText>[0] & { fields?: Record<string, string> } }, message: string) {
    setBusy(false);
    if (result.ok) {
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
      onDone(message);
      return;
    }
    const fields = result.error?.fields ?? {};
    const byPath = Object.fromEntries(Object.entries(fields).map(([p, m]) => [p.replace(/^entry\./, ""), m]));
    setIssues(byPath);
    setFailure(errorText(result.error));
  }

  async function onSave(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const value = candidate();
    if (value && typeof value === "object" && "__invalidJson" in value) {
      setIssues({ "(json)": t("invalidJson", { message: String((value as { __invalidJson: string }).__invalidJson) }) });
      return;
    }
    const parsed = validateEntry(value);
    const reasonIssue: Record<string, string> = reason.trim().length === 0 ? { reason: t("reasonRequired") } : {};
    if (!parsed.ok || reason.trim().length === 0) {
      setIssues({ ...(parsed.ok ? {} : parsed.issues), ...reasonIssue });
      return;
    }
    setIssues({});
    setBusy(true);
    await finish(await editCatalogueEntryAction({ kind: entry.kind, entry: parsed.entry, reason: reason.trim() }), t("saved", { kind: entry.kind }));
  }

  async function onRetire() {
    setFailure(null);
    if (reason.trim().length === 0) {
      setIssues({ reason: t("reasonRequired") });
      return;
    }
    setBusy(true);
    await finish(
      await retireCatalogueEntryAction({ kind: entry.kind, retired: !retired, reason: reason.trim() }),
      retired ? t("restored", { kind: entry.kind }) : t("retired", { kind: entry.kind }),
    );
  }

  const shown = mode === "form" ? shownPaths(entry.targets.length) : [];
  const general = Object.entries(issues)
    .filter(([p]) => p !== "reason" && !shown.some((s) => p === s || p.startsWith(`${s}.`)))
    .map(([p, m]) => (p === "(json)" || p === "(entry)" ? m : `${p}: ${m}`));

  return (
    <form onSubmit={onSave} className="space-y-4 rounded-md border border-brand-100 bg-brand-50/40 p-4" data-testid="catalogue-editor" noValidate>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{t("title", { kind: entry.kind })}</h3>
        <div role="tablist" aria-label={t("mode")} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
          {(["form", "json"] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              onClick={() => switchMode(m)}
              className={cn("rounded px-3 py-1 text-sm", mode === m ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100")}
            >
              {t(m === "form" ? "modeForm" : "modeJson")}
            </button>
          ))}
        </div>
      </div>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {general.length > 0 ? (
        <Alert tone="error" title={t("problems")}>
          <ul className="list-disc pl-5" data-testid="editor-problems">
            {general.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {mode === "form" ? (
        <div className="space-y-4">
          {draft.targets.map((target, i) => {
            const id = `${idBase}-${i}`;
            const err = (field: string) => issuesUnder(issues, `targets.${i}.${field}`);
            return (
              <fieldset key={entry.targets[i]!.name} className="rounded-md border border-slate-200 bg-white p-3" data-testid="editor-target">
                <legend className="px-1 text-sm font-medium text-slate-900">{entry.targets[i]!.name}</legend>
                <div className="grid gap-3 sm:grid-cols-[6rem_minmax(0,1fr)_minmax(0,1fr)]">
                  <div>
                    <Label htmlFor={`${id}-rank`}>{t("rank")}</Label>
                    <Input id={`${id}-rank`} inputMode="numeric" value={target.rank} onChange={(e) => setTarget(i, { rank: e.target.value })} aria-invalid={err("rank").length > 0} />
                    <Problems messages={err("rank")} />
                  </div>
                  <div>
                    <Label htmlFor={`${id}-fit`}>{t("fit")}</Label>
                    <Select id={`${id}-fit`} value={target.fit} onChange={(e) => setTarget(i, { fit: e.target.value as Fit })}>
                      {FITS.map((f) => (
                        <option key={f} value={f}>
                          {fits(f)}
                        </option>
                      ))}
                    </Select>
                    <Problems messages={err("fit")} />
                  </div>
                  <div>
                    <Label htmlFor={`${id}-confidence`}>{t("confidence")}</Label>
                    <Select id={`${id}-confidence`} value={target.confidence} onChange={(e) => setTarget(i, { confidence: e.target.value as Confidence })}>
                      {CONFIDENCES.map((c) => (
                        <option key={c} value={c}>
                          {confidences(c)}
                        </option>
                      ))}
                    </Select>
                    <Problems messages={err("confidence")} />
                  </div>
                </div>
                <div className="mt-3">
                  <Label htmlFor={`${id}-differs`}>{t("differs")}</Label>
                  <textarea id={`${id}-differs`} rows={3} className={textarea} value={target.differs} onChange={(e) => setTarget(i, { differs: e.target.value })} aria-invalid={err("differs").length > 0} />
                  <Problems messages={err("differs")} />
                </div>
                <div className="mt-3">
                  <Label htmlFor={`${id}-gaps`}>{t("gaps")}</Label>
                  <textarea id={`${id}-gaps`} rows={Math.min(8, Math.max(2, target.gaps.split("\n").length))} className={cn(textarea, "font-mono text-xs")} value={target.gaps} onChange={(e) => setTarget(i, { gaps: e.target.value })} aria-describedby={`${id}-gaps-help`} />
                  <p id={`${id}-gaps-help`} className="mt-1 text-xs text-slate-500">
                    {t("gapsHelp")}
                  </p>
                  <Problems messages={err("gaps")} />
                </div>
              </fieldset>
            );
          })}
        </div>
      ) : (
        <div>
          <Label htmlFor={`${idBase}-json`}>{t("json")}</Label>
          <textarea id={`${idBase}-json`} rows={18} spellCheck={false} className={cn(textarea, "font-mono text-xs")} value={json} onChange={(e) => setJson(e.target.value)} />
          <p className="mt-1 text-xs text-slate-500">{t("jsonHelp")}</p>
        </div>
      )}
      <div>
        <Label htmlFor={`${idBase}-reason`}>{t("reason")}</Label>
        <textarea id={`${idBase}-reason`} rows={2} maxLength={500} required className={textarea} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("reasonPlaceholder")} aria-invalid={Boolean(issues.reason)} />
        <Problems messages={issues.reason ? [issues.reason] : []} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy} data-testid="editor-save">
          {t("save")}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => onDone("")}>
          {t("cancel")}
        </Button>
        <Button variant={retired ? "secondary" : "danger"} disabled={busy} onClick={onRetire} className="sm:ml-auto" data-testid="editor-retire">
          {retired ? t("restore") : t("retire")}
        </Button>
      </div>
    </form>
  );
}

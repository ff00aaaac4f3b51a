"use client";
// Must come first: configures zod before the schemas below are built.
import "@/components/connections/browser-zod";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { AlertTriangle } from "lucide-react";
import { AWS_REGIONS } from "@/lib/plans/known-regions";
import { AUTH_MODES, awsConnectionInputSchema, type AuthMode } from "@/lib/connections/connection-input";
import type { ConnectionView } from "@/lib/connections/list-connections";
import { createConnectionAction } from "@/lib/actions/connections/create-connection";
import { updateConnectionAction } from "@/lib/actions/connections/update-connection";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/error-text";
import { cn } from "@/lib/ui/cn";

type FieldErrors = Partial<Record<string, string>>;

/** Quota overrides as lines of "iot:ListThings = 5". */
function quotaText(overrides: Record<string, number> | null | undefined): string {
  return Object.entries(overrides ?? {})
    .map(([k, v]) => `${k} = ${v}`)
    .join("\n");
}

function parseQuotas(text: string): Record<string, number> | null | undefined {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return undefined;
  const out: Record<string, number> = {};
  for (const line of lines) {
    const m = line.match(/^([^=\s]+)\s*=\s*([\d.]+)$/);
    if (!m) return null;
    out[m[1]!] = Number(m[2]);
  }
  return out;
}

/**
 * Adds or edits an AWS connection. The fields follow the chosen way of signing in; a stored
 * secret access key is never sent back to the browser: leaving the field empty keeps it.
 */
export function ConnectionForm({ initial, onDone, onCancel }: { initial?: ConnectionView; onDone: (message: string, id: string) => void; onCancel?: () => void }) {
  const t = useTranslations("settings.connections.form");
  const fieldT = useTranslations("settings.connections.fieldErrors");
  const errorText = useErrorText();
  const idp = initial?.id ?? "new";
  const [authMode, setAuthMode] = useState<AuthMode>((AUTH_MODES as readonly string[]).includes(initial?.authMode ?? "") ? (initial!.authMode as AuthMode) : "assume-role");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const regionChoices = [...new Set([...AWS_REGIONS, ...(initial?.regions ?? [])])];
  const fieldMessage = (field: string) => (fieldT.has(field) ? fieldT(field) : fieldT("generic"));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (k: string) => String(form.get(k) ?? "");
    const quotas = parseQuotas(value("quotaOverrides"));
    const input = {
      name: value("name"),
      authMode,
      profile: value("profile"),
      roleArn: value("roleArn"),
      externalId: value("externalId"),
      accessKeyId: value("accessKeyId").trim(),
      secretAccessKey: value("secretAccessKey"),
      endpointUrl: value("endpointUrl"),
      regions: form.getAll("regions").map(String),
      ...(quotas ? { quotaOverrides: quotas } : {}),
    };
    // The server checks the same schema; checking here first puts each message by its field.
    const found: FieldErrors = {};
    if (quotas === null) found.quotaOverrides = fieldMessage("quotaOverrides");
    const parsed = awsConnectionInputSchema.safeParse(input);
    if (!parsed.success) for (const issue of parsed.error.issues) found[String(issue.path[0] ?? "name")] ??= fieldMessage(String(issue.path[0] ?? "generic"));
    const keepsSecret = initial?.hasSecret && initial.authMode === "access-keys" && initial.accessKeyId === input.accessKeyId;
    if (authMode === "access-keys" && !input.secretAccessKey && !keepsSecret) found.secretAccessKey = fieldMessage("secretAccessKey");
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setError(t("fixFields"));
      return;
    }
    setPending(true);
    const result = initial ? await updateConnectionAction({ connectionId: initial.id, connection: input }) : await createConnectionAction(input);
    setPending(false);
    if (!result.ok) {
      if (result.error.fields) setErrors(Object.fromEntries(Object.keys(result.error.fields).map((f) => [f.split(".")[0]!, fieldMessage(f.split(".")[0]!)])));
      // An endpoint the server refuses (metadata, link-local, private...): said by the field too.
      else if (result.error.reason?.startsWith("connectionEndpoint")) setErrors({ endpointUrl: errorText({ code: result.error.code, reason: result.error.reason, params: result.error.params }) ?? fieldMessage("endpointUrl") });
      setError(result.error.code === "CONFLICT" ? t("nameTaken") : errorText(result.error));
      return;
    }
    setError(null);
    onDone(initial ? t("saved") : t("created"), initial ? initial.id : (result.data as { id: string }).id);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate data-testid={initial ? `connection-form-${initial.id}` : "create-connection-form"}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="max-w-md">
        <Label htmlFor={`c-name-${idp}`}>{t("name")}</Label>
        <Input id={`c-name-${idp}`} name="name" required maxLength={120} defaultValue={initial?.name} placeholder={t("namePlaceholder")} aria-invalid={Boolean(errors.name)} />
        <FieldError message={errors.name} />
      </div>

      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("authMode")}</legend>
        <div className="grid gap-2 md:grid-cols-2">
          {AUTH_MODES.map((mode) => (
            <label
              key={mode}
              className={cn(
                "flex cursor-pointer gap-3 rounded-md border p-3 text-sm",
                authMode === mode ? "border-brand-500 bg-brand-50 ring-1 ring-brand-500" : "border-slate-200 hover:border-slate-300",
              )}
            >
              <input type="radio" name={`authMode-${idp}`} value={mode} checked={authMode === mode} onChange={() => setAuthMode(mode)} className="mt-0.5 h-4 w-4" />
              <span>
                <span className="block font-medium text-slate-900">{t(`modes.${mode}.title`)}</span>
                <span className="block text-slate-600">{t(`modes.${mode}.help`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {authMode === "profile" ? (
        <div className="max-w-md">
          <Label htmlFor={`c-profile-${idp}`}>{t("profile")}</Label>
          <Input id={`c-profile-${idp}`} name="profile" maxLength={128} defaultValue={initial?.profile ?? ""} placeholder="silkroute-reader" />
          <FieldError message={errors.profile} />
        </div>
      ) : null}

      {authMode === "assume-role" ? (
        <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
          <p className="text-sm text-slate-700">{t("assumeRoleHelp")}</p>
          <div className="grid gap-4 md:grid-cols-2">
            <div className="min-w-0">
              <Label htmlFor={`c-role-${idp}`}>{t("roleArn")}</Label>
              <Input id={`c-role-${idp}`} name="roleArn" maxLength={2048} defaultValue={initial?.roleArn ?? ""} placeholder="arn:aws:iam::123456789012:role/SilkrouteReader" spellCheck={false} />
              <FieldError message={errors.roleArn} />
            </div>
            <div className="min-w-0">
              <Label htmlFor={`c-ext-${idp}`}>{t("externalId")}</Label>
              <Input id={`c-ext-${idp}`} name="externalId" maxLength={1224} defaultValue={initial?.externalId ?? ""} spellCheck={false} />
              <p className="mt-1 text-xs text-slate-500">{t("externalIdHelp")}</p>
              <FieldError message={errors.externalId} />
            </div>
          </div>
        </div>
      ) : null}

      {authMode === "access-keys" ? (
        <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50/60 p-4">
          <p className="flex items-start gap-2 text-sm text-amber-900" role="note">
            <AlertTriangle aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
            {t("accessKeysWarning")}
          </p>
          <div className="grid gap-4 md:grid-cols-2">
            <div className="min-w-0">
              <Label htmlFor={`c-akid-${idp}`}>{t("accessKeyId")}</Label>
              <Input id={`c-akid-${idp}`} name="accessKeyId" maxLength={128} defaultValue={initial?.accessKeyId ?? ""} autoComplete="off" spellCheck={false} placeholder="AKIA…" />
              <FieldError message={errors.accessKeyId} />
            </div>
            <div className="min-w-0">
              <Label htmlFor={`c-secret-${idp}`}>{t("secretAccessKey")}</Label>
              <Input
                id={`c-secret-${idp}`}
                name="secretAccessKey"
                type="password"
                maxLength={256}
                autoComplete="new-password"
                spellCheck={false}
                placeholder={initial?.hasSecret ? t("secretStored") : ""}
              />
              <p className="mt-1 text-xs text-slate-500">{initial?.hasSecret ? t("secretKeepHelp") : t("secretHelp")}</p>
              <FieldError message={errors.secretAccessKey} />
            </div>
          </div>
        </div>
      ) : null}

      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("regions")}</legend>
        <p className="mb-2 text-xs text-slate-500">{t("regionsHelp")}</p>
        <div className="grid max-h-48 grid-cols-2 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-3 lg:grid-cols-4" data-testid="connection-regions">
          {regionChoices.map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="regions" value={r} defaultChecked={initial?.regions.includes(r)} className="h-4 w-4 rounded border-slate-300" />
              <span className="font-mono text-xs">{r}</span>
            </label>
          ))}
        </div>
        <FieldError message={errors.regions} />
      </fieldset>

      <details className="rounded-md border border-slate-200 p-3" open={Boolean(initial?.endpointUrl || initial?.quotaOverrides || errors.endpointUrl || errors.quotaOverrides)}>
        <summary className="cursor-pointer text-sm font-medium text-slate-700">{t("advanced")}</summary>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <div className="min-w-0">
            <Label htmlFor={`c-endpoint-${idp}`}>{t("endpointUrl")}</Label>
            <Input id={`c-endpoint-${idp}`} name="endpointUrl" type="url" maxLength={2048} defaultValue={initial?.endpointUrl ?? ""} placeholder="http://localhost:4566" spellCheck={false} />
            <p className="mt-1 text-xs text-slate-500">{t("endpointHelp")}</p>
            <FieldError message={errors.endpointUrl} />
          </div>
          <div className="min-w-0">
            <Label htmlFor={`c-quotas-${idp}`}>{t("quotaOverrides")}</Label>
            <textarea
              id={`c-quotas-${idp}`}
              name="quotaOverrides"
              rows={3}
              defaultValue={quotaText(initial?.quotaOverrides)}
              placeholder="iot:ListThings = 5"
              spellCheck={false}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
            />
            <p className="mt-1 text-xs text-slate-500">{t("quotaHelp")}</p>
            <FieldError message={errors.quotaOverrides} />
          </div>
        </div>
      </details>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} data-testid="save-connection">
          {initial ? t("save") : t("create")}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

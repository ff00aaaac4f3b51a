"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ShieldCheck } from "lucide-react";
import { trustPolicyDocument } from "@/lib/aws/read-only-policy";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Input, Label } from "@/components/ui/input";

/** AWS's documentation account, shown until the reader enters Silkroute's own. */
const EXAMPLE_ACCOUNT = "111122223333";

function PolicyBlock({ title, json, testId }: { title: string; json: string; testId: string }) {
  const t = useTranslations("settings.connections.policy");
  return (
    <div className="min-w-0">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        <CopyButton text={json} label={t("copyNamed", { name: title })} />
      </div>
      <pre className="max-h-80 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100" data-testid={testId}>
        {json}
      </pre>
    </div>
  );
}

/**
 * The read-only promise, and what makes it checkable: the IAM policy with every action the
 * collectors call (and nothing that writes), and the trust policy of a cross-account role.
 */
export function ReadOnlyPolicyPanel({ policy, suggestedExternalId }: { policy: string; suggestedExternalId: string }) {
  const t = useTranslations("settings.connections.policy");
  const [account, setAccount] = useState("");
  const [externalId, setExternalId] = useState(suggestedExternalId);
  const trust = trustPolicyDocument(/^\d{12}$/.test(account) ? account : EXAMPLE_ACCOUNT, externalId.trim() || suggestedExternalId);
  return (
    <Card data-testid="read-only-panel">
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            <ShieldCheck aria-hidden className="h-5 w-5 text-emerald-600" />
            {t("title")}
          </span>
        }
        description={t("description")}
      />
      <CardBody className="space-y-5">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{t("point1")}</li>
          <li>{t("point2")}</li>
          <li>{t("point3")}</li>
        </ul>
        <div className="grid gap-6 xl:grid-cols-2">
          <PolicyBlock title={t("iamPolicy")} json={policy} testId="iam-policy" />
          <div className="min-w-0 space-y-3">
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <Label htmlFor="trust-account">{t("silkrouteAccount")}</Label>
                <Input id="trust-account" inputMode="numeric" maxLength={12} placeholder={EXAMPLE_ACCOUNT} value={account} onChange={(e) => setAccount(e.target.value.replace(/\D/g, ""))} />
              </div>
              <div>
                <Label htmlFor="trust-external-id">{t("externalId")}</Label>
                <Input id="trust-external-id" maxLength={1224} value={externalId} onChange={(e) => setExternalId(e.target.value)} spellCheck={false} />
              </div>
            </div>
            <p className="text-xs text-slate-500">{t("trustHelp")}</p>
            <PolicyBlock title={t("trustPolicy")} json={trust} testId="trust-policy" />
          </div>
        </div>
      </CardBody>
    </Card>
  );
}

"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { Pencil, PlugZap, Trash2 } from "lucide-react";
import { deleteConnectionAction } from "@/lib/actions/connections/delete-connection";
import { testConnectionAction } from "@/lib/actions/connections/test-connection";
import type { ConnectionView } from "@/lib/connections/list-connections";
import type { ConnectionTestResult } from "@/lib/connections/test-connection";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SafeText } from "@/components/ui/safe-text";
import { useErrorText } from "@/components/ui/error-text";
import { ConnectionForm } from "@/components/connections/connection-form";
import { ConnectionTestResultView } from "@/components/connections/connection-test-result";
import { connectionKeys } from "@/components/connections/connection-keys";
import { useConnections } from "@/components/connections/use-connections";

function ConnectionCard({ connection, plans, manage, onNotice }: { connection: ConnectionView; plans: string[]; manage: boolean; onNotice: (n: { tone: "success" | "error"; text: string }) => void }) {
  const t = useTranslations("settings.connections");
  const modes = useTranslations("settings.connections.form.modes");
  const format = useFormatter();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const c = connection;

  async function test() {
    setTesting(true);
    const outcome = await testConnectionAction({ connectionId: c.id });
    setTesting(false);
    if (outcome.ok) setResult(outcome.data);
    else onNotice({ tone: "error", text: errorText(outcome.error) ?? "" });
    await queryClient.invalidateQueries({ queryKey: connectionKeys.all });
  }

  const tested = c.lastTestedAt ? format.dateTime(new Date(c.lastTestedAt), { dateStyle: "medium", timeStyle: "short" }) : null;
  return (
    <Card data-testid="connection-card" data-name={c.name}>
      <CardHeader
        title={<SafeText value={c.name} />}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="info">{modes.has(`${c.authMode}.title`) ? modes(`${c.authMode}.title`) : c.authMode}</Badge>
            {c.endpointUrl ? <Badge tone="warning">{t("endpointOverride")}</Badge> : null}
          </span>
        }
        actions={
          manage && !editing ? (
            <>
              <Button size="sm" onClick={test} disabled={testing} data-testid="test-connection">
                <PlugZap aria-hidden className="h-4 w-4" />
                {testing ? t("testing") : t("testAction")}
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setEditing(true)} data-testid="edit-connection">
                <Pencil aria-hidden className="h-4 w-4" />
                <span className="hidden sm:inline">{t("edit")}</span>
              </Button>
              <ConfirmDialog
                trigger={
                  <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50" data-testid="remove-connection" aria-label={t("remove")}>
                    <Trash2 aria-hidden className="h-4 w-4" />
                    <span className="hidden sm:inline">{t("remove")}</span>
                  </Button>
                }
                title={t("removeTitle")}
                description={
                  <>
                    <p>
                      <SafeText value={c.name} className="font-medium text-slate-900" />
                    </p>
                    <p className="mt-2">{c.usedByPlans > 0 ? t("removeInUse", { count: c.usedByPlans }) : t("removeBody")}</p>
                  </>
                }
                confirmLabel={t("removeConfirm")}
                tone="danger"
                onConfirm={async () => {
                  const outcome = await deleteConnectionAction({ connectionId: c.id });
                  onNotice(outcome.ok ? { tone: "success", text: t("removed") } : { tone: "error", text: errorText(outcome.error) ?? "" });
                  await queryClient.invalidateQueries({ queryKey: connectionKeys.all });
                  router.refresh();
                }}
              />
            </>
          ) : null
        }
      />
      <CardBody className="space-y-4">
        {editing ? (
          <ConnectionForm
            initial={c}
            onCancel={() => setEditing(false)}
            onDone={async (message) => {
              setEditing(false);
              setResult(null);
              onNotice({ tone: "success", text: message });
              await queryClient.invalidateQueries({ queryKey: connectionKeys.all });
            }}
          />
        ) : (
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
            <dt className="text-slate-500">{t("account")}</dt>
            <dd className="font-mono" data-testid="connection-account">
              {c.accountId ?? <span className="font-sans text-slate-400">{t("accountUnknown")}</span>}
            </dd>
            {c.roleArn ? (
              <>
                <dt className="text-slate-500">{t("roleArn")}</dt>
                <dd className="min-w-0 font-mono text-xs">
                  <SafeText value={c.roleArn} />
                </dd>
              </>
            ) : null}
            {c.accessKeyId ? (
              <>
                <dt className="text-slate-500">{t("accessKey")}</dt>
                <dd className="font-mono text-xs">
                  {c.accessKeyId} {c.hasSecret ? <span className="font-sans text-slate-500">· {t("secretStored")}</span> : null}
                </dd>
              </>
            ) : null}
            {c.profile ? (
              <>
                <dt className="text-slate-500">{t("profile")}</dt>
                <dd className="font-mono text-xs">
                  <SafeText value={c.profile} />
                </dd>
              </>
            ) : null}
            {c.endpointUrl ? (
              <>
                <dt className="text-slate-500">{t("endpoint")}</dt>
                <dd className="min-w-0 font-mono text-xs">
                  <SafeText value={c.endpointUrl} />
                </dd>
              </>
            ) : null}
            <dt className="text-slate-500">{t("regions")}</dt>
            <dd className="flex flex-wrap gap-1">
              {c.regions.map((r) => (
                <Badge key={r} className="font-mono">
                  {r}
                </Badge>
              ))}
            </dd>
            <dt className="text-slate-500">{t("lastTest")}</dt>
            <dd data-testid="connection-last-test">
              {c.lastTestedAt === null ? (
                <span className="text-slate-400">{t("neverTested")}</span>
              ) : (
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone={c.lastTestOk ? "success" : "danger"}>{c.lastTestOk ? t("testPassed") : t("testFailed")}</Badge>
                  <span className="text-slate-600">{tested}</span>
                  {c.lastTestMessage && !c.lastTestOk ? (
                    <span className="block w-full text-xs text-slate-600">
                      <SafeText value={c.lastTestMessage} />
                    </span>
                  ) : null}
                </span>
              )}
            </dd>
            <dt className="text-slate-500">{t("usedBy")}</dt>
            <dd>
              {plans.length > 0 ? (
                <span className="flex flex-wrap gap-1">
                  {plans.map((p) => (
                    <Badge key={p} tone="neutral">
                      <SafeText value={p} />
                    </Badge>
                  ))}
                </span>
              ) : c.usedByPlans > 0 ? (
                t("planCount", { count: c.usedByPlans })
              ) : (
                <span className="text-slate-400">{t("noPlans")}</span>
              )}
            </dd>
          </dl>
        )}
        {result && !editing ? <ConnectionTestResultView result={result} /> : null}
      </CardBody>
    </Card>
  );
}

/** The organisation's AWS connections; admins add, edit, test and remove them. */
export function ConnectionsManager({ manage, plansByConnection }: { manage: boolean; plansByConnection: Record<string, string[]> }) {
  const t = useTranslations("settings.connections");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const router = useRouter();
  const connections = useConnections();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <div className="space-y-6">
      {notice ? (
        <Alert tone={notice.tone} data-testid="connections-notice">
          {notice.text}
        </Alert>
      ) : null}
      {connections.isError ? <Alert tone="error">{errorText(connections.error as never)}</Alert> : null}
      {connections.isPending ? <p className="text-sm text-slate-500">{t("loading")}</p> : null}
      {connections.data?.length === 0 ? (
        <Card>
          <CardBody className="text-sm text-slate-600">{manage ? t("noneAdmin") : t("noneOther")}</CardBody>
        </Card>
      ) : null}
      {connections.data?.map((c) => (
        <ConnectionCard key={c.id} connection={c} plans={plansByConnection[c.id] ?? []} manage={manage} onNotice={setNotice} />
      ))}
      {manage ? (
        <Card>
          <CardHeader title={t("createTitle")} description={t("createDescription")} />
          <CardBody>
            <ConnectionForm
              key={formKey}
              onDone={async (message) => {
                setNotice({ tone: "success", text: message });
                setFormKey((k) => k + 1);
                await queryClient.invalidateQueries({ queryKey: connectionKeys.all });
                // The plan forms list connections from the server.
                router.refresh();
              }}
            />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

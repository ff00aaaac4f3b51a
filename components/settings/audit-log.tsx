"use client";
import { useTranslations, useFormatter } from "next-intl";
import { useState, type FormEvent } from "react";
import { useAuditEvents } from "@/components/settings/use-audit-events";
import type { AuditQuery } from "@/components/settings/audit-keys";
import { useErrorText } from "@/components/ui/error-text";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, THead, Td, Th } from "@/components/ui/table";

const OUTCOME_TONE = { success: "success", denied: "warning", failure: "danger" } as const;

export function AuditLog() {
  const t = useTranslations("settings.audit");
  const format = useFormatter();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<AuditQuery>({});
  const query = useAuditEvents(filter);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (k: string) => String(form.get(k) ?? "").trim() || undefined;
    setFilter({ actor: value("actor"), action: value("action"), outcome: value("outcome"), from: value("from"), to: value("to") });
  }

  const events = query.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="audit-filter">
        <div>
          <Label htmlFor="f-actor">{t("actor")}</Label>
          <Input id="f-actor" name="actor" placeholder={t("actorPlaceholder")} />
        </div>
        <div>
          <Label htmlFor="f-action">{t("action")}</Label>
          <Input id="f-action" name="action" placeholder="auth.sign_in" />
        </div>
        <div>
          <Label htmlFor="f-outcome">{t("outcome")}</Label>
          <Select id="f-outcome" name="outcome" defaultValue="">
            <option value="">{t("any")}</option>
            <option value="success">{t("outcomes.success")}</option>
            <option value="denied">{t("outcomes.denied")}</option>
            <option value="failure">{t("outcomes.failure")}</option>
          </Select>
        </div>
        <div>
          <Label htmlFor="f-from">{t("from")}</Label>
          <Input id="f-from" name="from" type="date" />
        </div>
        <div>
          <Label htmlFor="f-to">{t("to")}</Label>
          <Input id="f-to" name="to" type="date" />
        </div>
        <div className="flex items-end">
          <Button type="submit" className="w-full">
            {t("apply")}
          </Button>
        </div>
      </form>
      {query.isError ? <Alert tone="error">{errorText(query.error as never)}</Alert> : null}
      <Card>
        <Table>
          <THead>
            <tr>
              <Th>{t("when")}</Th>
              <Th>{t("actor")}</Th>
              <Th>{t("action")}</Th>
              <Th>{t("outcome")}</Th>
              <Th>{t("target")}</Th>
              <Th>{t("address")}</Th>
            </tr>
          </THead>
          <TBody>
            {events.length === 0 && !query.isPending ? (
              <tr>
                <Td colSpan={6} className="text-slate-500">
                  {t("empty")}
                </Td>
              </tr>
            ) : null}
            {events.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <Td className="whitespace-nowrap text-slate-600">{format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "medium" })}</Td>
                <Td className="break-all">
                  {e.actorEmail ?? <span className="text-slate-400">{t("system")}</span>}
                  {e.actorRole ? <span className="ml-1 text-xs text-slate-500">({e.actorRole})</span> : null}
                </Td>
                <Td className="font-mono text-xs">{e.action}</Td>
                <Td>
                  <Badge tone={OUTCOME_TONE[e.outcome as keyof typeof OUTCOME_TONE] ?? "neutral"}>{t(`outcomes.${e.outcome}`)}</Badge>
                </Td>
                <Td className="max-w-xs break-all font-mono text-xs text-slate-600">
                  {e.targetType ? `${e.targetType}${e.targetId ? `: ${e.targetId}` : ""}` : "—"}
                  {e.details ? <div className="mt-1 text-slate-500">{JSON.stringify(e.details)}</div> : null}
                </Td>
                <Td className="whitespace-nowrap font-mono text-xs text-slate-600">{e.ipAddress ?? "—"}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </Card>
      {query.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {t("more")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

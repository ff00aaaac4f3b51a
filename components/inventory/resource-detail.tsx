"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ArrowLeft, Link2Off, TriangleAlert } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { SafeText } from "@/components/ui/safe-text";
import { Table, TBody, THead, Td, Th } from "@/components/ui/table";
import { useErrorText } from "@/components/ui/error-text";
import { useResource } from "@/components/inventory/use-resource";
import { gapPart } from "@/components/inventory/gap-part";
import type { RelationView, ResourceDetail } from "@/lib/inventory/get-resource";

/**
 * Pretty-printed JSON with bidirectional and other invisible formatting characters written as
 * JSON escapes (\u202e), which is the same JSON and cannot reorder what is shown around it.
 */
function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function Relations({ title, relations, testId }: { title: string; relations: RelationView[]; testId: string }) {
  const t = useTranslations("inventory.resource");
  return (
    <Card data-testid={testId}>
      <CardHeader title={title} description={relations.length === 0 ? undefined : t("relationsCount", { count: relations.length })} />
      {relations.length === 0 ? (
        <CardBody className="text-sm text-slate-500">{t("noRelations")}</CardBody>
      ) : (
        <Table className="w-full table-fixed">
          <THead>
            <tr>
              <Th className="w-[34%] sm:w-[26%]">{t("relationType")}</Th>
              <Th className="hidden w-[30%] sm:table-cell">{t("kind")}</Th>
              <Th>{t("relatedResource")}</Th>
            </tr>
          </THead>
          <TBody>
            {relations.map((r, i) => (
              <tr key={`${r.type}-${r.arn}-${i}`} data-testid="relation-row">
                <Td className="font-mono text-xs">
                  <SafeText value={r.type} />
                </Td>
                <Td className="hidden font-mono text-xs sm:table-cell">{r.kind ? <SafeText value={r.kind} /> : "—"}</Td>
                <Td className="min-w-0">
                  {r.kind ? (
                    <span className="block font-mono text-[11px] text-slate-500 sm:hidden">
                      <SafeText value={r.kind} />
                    </span>
                  ) : null}
                  {r.resourceId && !r.dangling ? (
                    <Link href={`/inventory/resources/${r.resourceId}`} className="block min-w-0 font-medium text-brand-700 hover:underline">
                      <SafeText value={r.name || r.arn} truncate />
                    </Link>
                  ) : (
                    <Badge tone="warning" className="max-w-full gap-1 whitespace-normal" data-testid="dangling-badge">
                      <Link2Off aria-hidden className="h-3 w-3 shrink-0" />
                      {t("dangling")}
                    </Badge>
                  )}
                  <span className="mt-0.5 block font-mono text-[11px] text-slate-500">
                    <SafeText value={r.arn} />
                  </span>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

/** What the scan could not read about the resource: each part, the call that failed and why. */
function Gaps({ gaps }: { gaps: ResourceDetail["gaps"] }) {
  const t = useTranslations("inventory.resource");
  const codes = useTranslations("inventory.issueCodes");
  if (gaps.length === 0) return null;
  return (
    <Alert tone="warning" title={t("gapsTitle")} data-testid="resource-gaps">
      <p>{t("gapsBody")}</p>
      <ul className="mt-2 space-y-2">
        {gaps.map((g) => (
          <li key={`${g.operation}-${g.code}`} className="flex min-w-0 gap-2" data-testid="resource-gap">
            <TriangleAlert aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" />
            <span className="min-w-0">
              {codes.has(g.code)
                ? t.rich("gapLineWhy", { part: t(`gapPart.${gapPart(g.operation)}`), reason: codes(g.code), strong: (chunks) => <span className="font-medium">{chunks}</span> })
                : <span className="font-medium">{t("gapLine", { part: t(`gapPart.${gapPart(g.operation)}`) })}</span>}
              <span className="mt-0.5 block wrap-anywhere font-mono text-[11px] text-amber-800">
                <SafeText value={g.operation} /> · <SafeText value={g.code} />
              </span>
            </span>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** A resource as the scan found it: identity, tags, relations both ways, and the raw API data. */
export function ResourceDetailView({ resourceId }: { resourceId: string }) {
  const t = useTranslations("inventory.resource");
  const errorText = useErrorText();
  const query = useResource(resourceId);
  const back = (
    <Link href="/inventory" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
      <ArrowLeft aria-hidden className="h-4 w-4" />
      {t("back")}
    </Link>
  );
  if (query.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (query.isError) {
    return (
      <div className="space-y-4">
        {back}
        <Alert tone="error">{errorText(query.error as never)}</Alert>
      </div>
    );
  }
  const r = query.data;
  const tags = Object.entries(r.tags);
  const raw = prettyJson(r.raw);
  const tagsNotRead = r.gaps.some((g) => gapPart(g.operation) === "tags");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {back}
        <Link href={`/inventory/scans/${r.scanId}`} className="text-sm text-brand-700 hover:underline">
          {t("fromScan")}
        </Link>
      </div>
      <div className="min-w-0">
        <p className="font-mono text-xs text-slate-500">
          <SafeText value={r.kind} />
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900" data-testid="resource-name">
          <SafeText value={r.name || r.arn} />
        </h1>
      </div>
      <Gaps gaps={r.gaps} />
      <Card>
        <CardBody>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[9rem_minmax(0,1fr)]">
            <dt className="text-slate-500">{t("kind")}</dt>
            <dd className="font-mono text-xs sm:text-sm">
              <SafeText value={r.kind} />
            </dd>
            <dt className="text-slate-500">{t("region")}</dt>
            <dd className="font-mono">{r.region}</dd>
            <dt className="text-slate-500">{t("account")}</dt>
            <dd className="font-mono">{r.accountId}</dd>
            <dt className="text-slate-500">{t("arn")}</dt>
            <dd className="flex min-w-0 flex-wrap items-start gap-2">
              <code className="min-w-0 flex-1 rounded bg-slate-50 px-2 py-1 text-xs text-slate-800" data-testid="resource-arn">
                <SafeText value={r.arn} />
              </code>
              <CopyButton text={r.arn} label={t("copyArn")} />
            </dd>
          </dl>
        </CardBody>
      </Card>

      <Card data-testid="resource-tags">
        <CardHeader title={t("tags")} description={tags.length === 0 ? undefined : t("tagsCount", { count: tags.length })} />
        {tags.length === 0 ? (
          <CardBody className="text-sm text-slate-500">{tagsNotRead ? t("tagsNotRead") : t("noTags")}</CardBody>
        ) : (
          <Table className="w-full table-fixed">
            <THead>
              <tr>
                <Th className="w-[35%]">{t("tagKey")}</Th>
                <Th>{t("tagValue")}</Th>
              </tr>
            </THead>
            <TBody>
              {tags.map(([key, value]) => (
                <tr key={key} data-testid="tag-row">
                  <Td className="font-medium" data-testid="tag-key">
                    <SafeText value={key} />
                  </Td>
                  <Td data-testid="tag-value">
                    <div className="max-h-40 overflow-y-auto">
                      <SafeText value={value} />
                    </div>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>

      <div className="grid items-start gap-6 xl:grid-cols-2">
        <Relations title={t("outgoing")} relations={r.outgoing} testId="relations-out" />
        <Relations title={t("incoming")} relations={r.incoming} testId="relations-in" />
      </div>

      <Card>
        <CardHeader title={t("raw")} description={t("rawDescription")} actions={<CopyButton text={raw} label={t("copyRaw")} />} />
        <CardBody>
          <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap wrap-anywhere rounded-md bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100" data-testid="resource-raw" style={{ unicodeBidi: "isolate" }}>
            {raw}
          </pre>
        </CardBody>
      </Card>
    </div>
  );
}

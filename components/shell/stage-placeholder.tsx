import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/**
 * The honest empty state of a stage that has nothing to show yet: what will appear here, and
 * what has to happen first. `section` names the message group (serviceMap, compliance, runbooks).
 */
export async function StagePlaceholder({ section, icon }: { section: "serviceMap" | "compliance" | "runbooks"; icon: ReactNode }) {
  const t = await getTranslations(`stages.${section}`);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EmptyState
        icon={icon}
        title={t("emptyTitle")}
        description={t("emptyDescription")}
        steps={[t("step1"), t("step2"), t("step3")]}
        action={
          <Link href="/inventory" className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
            {t("action")}
          </Link>
        }
      />
    </>
  );
}

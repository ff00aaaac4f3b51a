import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { PageHeader } from "@/components/ui/page-header";
import { ServiceMapTabs } from "@/components/service-map/service-map-tabs";

export default async function ServiceMapLayout({ children }: { children: ReactNode }) {
  await requirePermission("servicemap.read");
  const t = await getTranslations("stages.serviceMap");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ServiceMapTabs />
      {children}
    </>
  );
}

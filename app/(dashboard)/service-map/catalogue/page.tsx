import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { CatalogueBrowser } from "@/components/catalogue/catalogue-browser";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogue.page"))("title") };
}

export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("servicemap.read");
  const t = await getTranslations("catalogue.page");
  const params = await searchParams;
  const initialSearch = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string")).toString();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <CatalogueBrowser canEdit={can(user.role, "mapping.decide")} initialSearch={initialSearch} />
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { ResourceDetailView } from "@/components/inventory/resource-detail";

export async function generateMetadata() {
  return { title: (await getTranslations("inventory.resource"))("title") };
}

export default async function ResourcePage({ params }: { params: Promise<{ resourceId: string }> }) {
  await requirePermission("inventory.read");
  const { resourceId } = await params;
  return <ResourceDetailView resourceId={resourceId} />;
}

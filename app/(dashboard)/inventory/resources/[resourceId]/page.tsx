import { getTranslations } from "next-intl/server";
import { requirePlan } from "@/lib/auth/require-permission";
import { ResourceDetailView } from "@/components/inventory/resource-detail";

export async function generateMetadata() {
  return { title: (await getTranslations("inventory.resource"))("title") };
}

export default async function ResourcePage({ params }: { params: Promise<{ resourceId: string }> }) {
  // The resource is loaded within the user's organisation: another's, or none, is a 404 page.
  const { resource } = await requirePlan("inventory.read", { resourceId: (await params).resourceId });
  return <ResourceDetailView resourceId={resource!.id} />;
}

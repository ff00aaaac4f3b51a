import { GitCompareArrows } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { StagePlaceholder } from "@/components/shell/stage-placeholder";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("serviceMap") };
}

export default async function ServiceMapPage() {
  await requirePermission("servicemap.read");
  return <StagePlaceholder section="serviceMap" icon={<GitCompareArrows className="h-6 w-6" />} />;
}

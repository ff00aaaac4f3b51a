import { ListChecks } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { StagePlaceholder } from "@/components/shell/stage-placeholder";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("runbooks") };
}

export default async function RunbooksPage() {
  await requirePermission("runbook.read");
  return <StagePlaceholder section="runbooks" icon={<ListChecks className="h-6 w-6" />} />;
}

import { ShieldCheck } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { StagePlaceholder } from "@/components/shell/stage-placeholder";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("compliance") };
}

export default async function CompliancePage() {
  await requirePermission("compliance.read");
  return <StagePlaceholder section="compliance" icon={<ShieldCheck className="h-6 w-6" />} />;
}

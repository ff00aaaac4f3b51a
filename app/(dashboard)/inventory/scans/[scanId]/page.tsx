import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/permissions";
import { ScanProgressView } from "@/components/inventory/scan-progress-view";

export async function generateMetadata() {
  return { title: (await getTranslations("inventory.progress"))("pageTitle") };
}

export default async function ScanPage({ params }: { params: Promise<{ scanId: string }> }) {
  const user = await requirePermission("inventory.read");
  const { scanId } = await params;
  return <ScanProgressView scanId={scanId} canRun={can(user.role, "scan.run")} />;
}

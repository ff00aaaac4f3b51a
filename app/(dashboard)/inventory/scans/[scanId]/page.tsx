import { getTranslations } from "next-intl/server";
import { requirePlan } from "@/lib/auth/require-permission";
import { can } from "@/lib/auth/permissions";
import { ScanProgressView } from "@/components/inventory/scan-progress-view";

export async function generateMetadata() {
  return { title: (await getTranslations("inventory.progress"))("pageTitle") };
}

export default async function ScanPage({ params }: { params: Promise<{ scanId: string }> }) {
  // The scan is loaded within the user's organisation: another's, or none, is a 404 page.
  const { user, scan } = await requirePlan("inventory.read", { scanId: (await params).scanId });
  return <ScanProgressView scanId={scan!.id} canRun={can(user.role, "scan.run")} />;
}

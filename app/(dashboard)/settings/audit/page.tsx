import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { AuditLog } from "@/components/settings/audit-log";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.nav"))("audit") };
}

export default async function AuditPage() {
  await requirePermission("audit.read");
  return <AuditLog />;
}

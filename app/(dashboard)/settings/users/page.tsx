import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { UsersManager } from "@/components/settings/users-manager";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.nav"))("users") };
}

export default async function UsersPage() {
  const user = await requirePermission("users.manage");
  return <UsersManager currentUserId={user.id} />;
}

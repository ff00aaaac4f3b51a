import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { can, type Permission } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";

const ITEMS: Array<{ href: string; key: string; permission: Permission }> = [
  { href: "/settings", key: "profile", permission: "plan.read" },
  { href: "/settings/plans", key: "plans", permission: "plan.read" },
  { href: "/settings/connections", key: "connections", permission: "connection.read" },
  { href: "/settings/users", key: "users", permission: "users.manage" },
  { href: "/settings/audit", key: "audit", permission: "audit.read" },
];

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const user = await requirePermission("plan.read");
  const t = await getTranslations("settings");
  // The menu shows what the role may open; each page still checks on the server.
  const items = ITEMS.filter((i) => can(user.role, i.permission)).map(({ href, key }) => ({ href, key }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsNav items={items} />
      {children}
    </>
  );
}

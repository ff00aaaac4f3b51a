import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { permissionsOf } from "@/lib/auth/permissions";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { ChangePasswordForm } from "@/components/settings/change-password-form";

export async function generateMetadata() {
  return { title: (await getTranslations("settings.nav"))("profile") };
}

export default async function ProfilePage() {
  const user = await requirePermission("plan.read");
  const t = await getTranslations("settings.profile");
  const roles = await getTranslations("roles");
  const perms = await getTranslations("permissions");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader title={t("title")} />
        <CardBody>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-3 text-sm">
            <dt className="text-slate-500">{t("name")}</dt>
            <dd className="font-medium">{user.name}</dd>
            <dt className="text-slate-500">{t("email")}</dt>
            <dd className="break-all font-medium">{user.email}</dd>
            <dt className="text-slate-500">{t("role")}</dt>
            <dd>
              <Badge tone="info">{roles(user.role)}</Badge>
            </dd>
            <dt className="text-slate-500">{t("language")}</dt>
            <dd>
              <LanguageSwitch />
            </dd>
          </dl>
          <h3 className="mt-6 text-sm font-semibold text-slate-900">{t("canDo")}</h3>
          <ul className="mt-2 space-y-1 text-sm text-slate-700" data-testid="my-permissions">
            {permissionsOf(user.role).map((p) => (
              <li key={p} className="flex gap-2">
                <span aria-hidden className="text-emerald-600">✓</span>
                {perms(p.replace(".", "_"))}
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("passwordTitle")} description={t("passwordDescription")} />
        <CardBody>
          <ChangePasswordForm />
        </CardBody>
      </Card>
    </div>
  );
}

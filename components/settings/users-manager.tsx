"use client";
import { useTranslations, useFormatter } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { createUserAction } from "@/lib/actions/users/create-user";
import { changeUserRoleAction } from "@/lib/actions/users/change-user-role";
import { setUserDisabledAction } from "@/lib/actions/users/set-user-disabled";
import { resetUserPasswordAction } from "@/lib/actions/users/reset-user-password";
import { useUsers } from "@/components/settings/use-users";
import { usersKeys } from "@/components/settings/users-keys";
import { useErrorText } from "@/components/ui/error-text";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, THead, Td, Th } from "@/components/ui/table";
import { SetPasswordDialog } from "@/components/settings/set-password-dialog";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<unknown>;

export function UsersManager({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("settings.users");
  const roles = useTranslations("roles");
  const format = useFormatter();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const users = useUsers();
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<Result>, success: string) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) {
      setNotice({ tone: "success", text: success });
      await queryClient.invalidateQueries({ queryKey: usersKeys.all });
    } else {
      const fields = result.error.fields ? Object.keys(result.error.fields).join(", ") : null;
      setNotice({ tone: "error", text: `${errorText(result.error)}${fields ? ` — ${fields}` : ""}` });
    }
    return result.ok;
  }

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const ok = await run(
      () =>
        createUserAction({
          email: String(form.get("email") ?? ""),
          name: String(form.get("name") ?? ""),
          role: String(form.get("role") ?? "viewer") as Role,
          password: String(form.get("password") ?? ""),
        }),
      t("created"),
    );
    if (ok) formElement.reset();
  }

  return (
    <div className="space-y-6">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <Card>
        <CardHeader title={t("title")} description={t("description")} />
        {users.isError ? (
          <CardBody>
            <Alert tone="error">{errorText(users.error as never)}</Alert>
          </CardBody>
        ) : (
          <Table>
            <THead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("email")}</Th>
                <Th>{t("role")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("lastSignIn")}</Th>
                <Th>
                  <span className="sr-only">{t("actions")}</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {users.isPending ? (
                <tr>
                  <Td colSpan={6} className="text-slate-500">
                    {t("loading")}
                  </Td>
                </tr>
              ) : (
                users.data?.map((u) => (
                  <tr key={u.id} data-testid={`user-row-${u.email}`}>
                    <Td className="font-medium">{u.name}</Td>
                    <Td className="break-all">{u.email}</Td>
                    <Td>
                      <Select
                        aria-label={t("roleFor", { email: u.email })}
                        value={u.role}
                        disabled={busy}
                        className="h-8 w-48"
                        onChange={(e) => run(() => changeUserRoleAction({ userId: u.id, role: e.target.value as Role }), t("roleChanged"))}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {roles(r)}
                          </option>
                        ))}
                      </Select>
                    </Td>
                    <Td>{u.disabled ? <Badge tone="danger">{t("disabled")}</Badge> : <Badge tone="success">{t("active")}</Badge>}</Td>
                    <Td className="whitespace-nowrap text-slate-600">
                      {u.lastSignInAt ? format.dateTime(new Date(u.lastSignInAt), { dateStyle: "medium", timeStyle: "short" }) : "—"}
                    </Td>
                    <Td className="whitespace-nowrap text-right">
                      {u.id !== currentUserId ? (
                        <div className="flex justify-end gap-2">
                          <SetPasswordDialog
                            email={u.email}
                            disabled={busy}
                            onSubmit={(password) => run(() => resetUserPasswordAction({ userId: u.id, password }), t("passwordReset"))}
                          />
                          <Button
                            size="sm"
                            variant={u.disabled ? "secondary" : "danger"}
                            disabled={busy}
                            onClick={() => run(() => setUserDisabledAction({ userId: u.id, disabled: !u.disabled }), u.disabled ? t("enabledDone") : t("disabledDone"))}
                          >
                            {u.disabled ? t("enable") : t("disable")}
                          </Button>
                        </div>
                      ) : (
                        <span className="text-xs text-slate-500">{t("you")}</span>
                      )}
                    </Td>
                  </tr>
                ))
              )}
            </TBody>
          </Table>
        )}
      </Card>
      <Card>
        <CardHeader title={t("createTitle")} description={t("createDescription")} />
        <CardBody>
          <form onSubmit={onCreate} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="create-user-form">
            <div>
              <Label htmlFor="new-name">{t("name")}</Label>
              <Input id="new-name" name="name" required maxLength={120} />
            </div>
            <div>
              <Label htmlFor="new-email">{t("email")}</Label>
              <Input id="new-email" name="email" type="email" required maxLength={320} />
            </div>
            <div>
              <Label htmlFor="new-role">{t("role")}</Label>
              <Select id="new-role" name="role" defaultValue="viewer">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roles(r)}
                  </option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor="new-password">{t("initialPassword")}</Label>
              <Input id="new-password" name="password" type="password" minLength={12} required autoComplete="new-password" />
            </div>
            <div className="sm:col-span-2 lg:col-span-4">
              <Button type="submit" disabled={busy}>
                {t("create")}
              </Button>
            </div>
          </form>
        </CardBody>
      </Card>
    </div>
  );
}

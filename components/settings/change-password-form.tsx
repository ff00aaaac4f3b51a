"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";

const MIN = 12;

/** Changes the signed-in user's password; `onChanged` runs after a change succeeded. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void } = {}) {
  const t = useTranslations("settings.profile");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    if (newPassword.length < MIN) return setMessage({ tone: "error", text: t("tooShort", { min: MIN }) });
    if (newPassword !== confirm) return setMessage({ tone: "error", text: t("mismatch") });
    setPending(true);
    const { error } = await authClient.changePassword({ currentPassword, newPassword, revokeOtherSessions: true });
    setPending(false);
    if (error) {
      setMessage({ tone: "error", text: error.status === 429 ? t("rateLimited") : t("wrongCurrent") });
      return;
    }
    formElement.reset();
    setMessage({ tone: "success", text: t("changed") });
    onChanged?.();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div>
        <Label htmlFor="currentPassword">{t("currentPassword")}</Label>
        <Input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
      </div>
      <div>
        <Label htmlFor="newPassword">{t("newPassword")}</Label>
        <Input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={MIN} required />
      </div>
      <div>
        <Label htmlFor="confirm">{t("confirmPassword")}</Label>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" minLength={MIN} required />
      </div>
      <Button type="submit" disabled={pending}>
        {t("changePassword")}
      </Button>
    </form>
  );
}

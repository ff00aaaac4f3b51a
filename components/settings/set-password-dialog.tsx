"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";

const MIN = 12;

/** Lets an admin give a user a new password, typed in a masked field, never shown again. */
export function SetPasswordDialog({ email, disabled, onSubmit }: { email: string; disabled?: boolean; onSubmit: (password: string) => Promise<boolean> }) {
  const t = useTranslations("settings.users");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    if (password.length < MIN) return setError(t("passwordTooShort", { min: MIN }));
    if (await onSubmit(password)) {
      setOpen(false);
      setError(null);
    }
  }

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button size="sm" variant="secondary" disabled={disabled}>
          {t("resetPassword")}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-base font-semibold text-slate-900">{t("setPasswordTitle")}</Dialog.Title>
          <Dialog.Description className="mt-1 break-all text-sm text-slate-600">{t("setPasswordDescription", { email })}</Dialog.Description>
          <form onSubmit={submit} className="mt-4 space-y-4" noValidate>
            <div>
              <Label htmlFor="set-password">{t("newPassword")}</Label>
              <Input id="set-password" name="password" type="password" autoComplete="new-password" minLength={MIN} required autoFocus />
              {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
            </div>
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="ghost">{t("cancel")}</Button>
              </Dialog.Close>
              <Button type="submit" disabled={disabled}>
                {t("setPassword")}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

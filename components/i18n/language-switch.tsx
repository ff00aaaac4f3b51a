"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Languages } from "lucide-react";
import { LOCALES, LOCALE_LABELS, type Locale } from "@/lib/i18n/locales";
import { setLocaleAction } from "@/lib/actions/preferences/set-locale";
import { cn } from "@/lib/ui/cn";

export function LanguageSwitch({ className, tone = "light" }: { className?: string; tone?: "light" | "dark" }) {
  const t = useTranslations("shell");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className={cn("inline-flex items-center gap-2 text-sm", tone === "dark" ? "text-slate-200" : "text-slate-600", className)}>
      <Languages aria-hidden className="h-4 w-4" />
      <span className="sr-only">{t("language")}</span>
      <select
        aria-label={t("language")}
        data-testid="language-switch"
        disabled={pending}
        value={locale}
        onChange={(e) => {
          const next = e.target.value as Locale;
          startTransition(async () => {
            await setLocaleAction({ locale: next });
            router.refresh();
          });
        }}
        className={cn(
          "rounded-md border px-2 py-1 text-sm",
          tone === "dark" ? "border-slate-600 bg-slate-800 text-slate-100" : "border-slate-300 bg-white text-slate-800",
        )}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LOCALE_LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Shown when rendering fails: a code and a reference, never the error text itself. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center" role="alert">
        <h1 className="text-xl font-semibold text-slate-900">{t("internalTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("internalBody")}</p>
        <p className="mt-1 text-xs text-slate-500">
          {t("code", { code: "INTERNAL" })}
          {error.digest ? ` · ${t("reference", { id: error.digest })}` : null}
        </p>
        <Button className="mt-6" variant="secondary" onClick={reset}>
          {t("retry")}
        </Button>
      </div>
    </main>
  );
}

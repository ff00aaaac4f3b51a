import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { BrandMark } from "@/components/shell/brand-mark";

/** The frame of the pages a user sees before the shell: sign-in, choosing one's own password. */
export function AuthFrame({ tagline, children }: { tagline?: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-slate-900 to-slate-800 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center text-center">
          <BrandMark className="h-12 w-12" />
          <h1 className="mt-3 text-2xl font-semibold text-white">Silkroute</h1>
          {tagline ? <p className="mt-1 text-sm text-slate-300">{tagline}</p> : null}
        </div>
        <div className="rounded-xl bg-white p-6 shadow-xl">{children}</div>
        <div className="mt-6 flex justify-center">
          <LanguageSwitch tone="dark" />
        </div>
      </div>
    </main>
  );
}

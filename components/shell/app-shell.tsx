"use client";
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Menu, X } from "lucide-react";
import { NavLinks } from "@/components/shell/nav-links";
import { BrandMark } from "@/components/shell/brand-mark";
import { UserMenu } from "@/components/shell/user-menu";
import { PlanSwitcher } from "@/components/shell/plan-switcher";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { cn } from "@/lib/ui/cn";

export interface ShellProps {
  user: { name: string; email: string; role: string };
  plans: Array<{ id: string; name: string }>;
  currentPlanId: string | null;
  children: ReactNode;
}

export function AppShell({ user, plans, currentPlanId, children }: ShellProps) {
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  return (
    <div className="flex min-h-screen">
      <aside
        className={cn(
          "fixed inset-y-0 left-0 z-40 w-60 flex-col bg-slate-900 px-3 py-4 lg:static lg:flex",
          open ? "flex" : "hidden",
        )}
      >
        <div className="mb-6 flex items-center justify-between px-2">
          <div className="flex items-center gap-2">
            <BrandMark className="h-8 w-8" />
            <span className="text-lg font-semibold text-white">Silkroute</span>
          </div>
          <button type="button" className="text-slate-300 lg:hidden" onClick={() => setOpen(false)} aria-label={t("closeMenu")}>
            <X className="h-5 w-5" />
          </button>
        </div>
        <NavLinks onNavigate={() => setOpen(false)} />
        <div className="mt-auto space-y-4 px-2 pt-6">
          <LanguageSwitch tone="dark" className="sm:hidden" />
          <p className="text-xs leading-relaxed text-slate-400">{t("legalNote")}</p>
        </div>
      </aside>
      {open ? <div className="fixed inset-0 z-30 bg-slate-900/40 lg:hidden" onClick={() => setOpen(false)} aria-hidden /> : null}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-20 flex h-14 items-center gap-3 border-b border-slate-200 bg-white/95 px-4 backdrop-blur">
          <button type="button" className="text-slate-700 lg:hidden" onClick={() => setOpen(true)} aria-label={t("openMenu")} data-testid="open-menu">
            <Menu className="h-5 w-5" />
          </button>
          <PlanSwitcher plans={plans} currentId={currentPlanId} />
          <div className="ml-auto flex items-center gap-2 sm:gap-4">
            <LanguageSwitch className="hidden sm:inline-flex" />
            <UserMenu name={user.name} email={user.email} role={user.role} />
          </div>
        </header>
        <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">{children}</main>
      </div>
    </div>
  );
}

"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Boxes, GitCompareArrows, ShieldCheck, ListChecks, Settings } from "lucide-react";
import { cn } from "@/lib/ui/cn";

export const NAV_ITEMS = [
  { href: "/inventory", key: "inventory", icon: Boxes },
  { href: "/service-map", key: "serviceMap", icon: GitCompareArrows },
  { href: "/compliance", key: "compliance", icon: ShieldCheck },
  { href: "/runbooks", key: "runbooks", icon: ListChecks },
  { href: "/settings", key: "settings", icon: Settings },
] as const;

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="flex flex-col gap-1">
      {NAV_ITEMS.map(({ href, key, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            data-testid={`nav-${key}`}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
              active ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white",
            )}
          >
            <Icon aria-hidden className="h-4 w-4 shrink-0" />
            {t(key)}
          </Link>
        );
      })}
    </nav>
  );
}

"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/ui/cn";

const TABS = [
  { href: "/service-map", key: "map" },
  { href: "/service-map/coverage", key: "coverage" },
  { href: "/service-map/catalogue", key: "catalogue" },
] as const;

/** The service map's sections: the map, coverage and decisions, and the catalogue. */
export function ServiceMapTabs() {
  const t = useTranslations("stages.serviceMap.tabs");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200">
      {TABS.map((tab) => {
        const active = tab.href === "/service-map" ? pathname === "/service-map" : pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            data-testid={`service-map-tab-${tab.key}`}
            aria-current={active ? "page" : undefined}
            className={cn(
              "whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t(tab.key)}
          </Link>
        );
      })}
    </nav>
  );
}

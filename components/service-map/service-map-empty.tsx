import type { ReactNode } from "react";
import { GitCompareArrows } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * The map before the plan has a mapping run: a mapping runs over a finished scan. `action` is
 * where the button that starts one goes (e.g. "Map this scan"); without it, a link to the inventory.
 */
export async function ServiceMapEmpty({ hasScan, action }: { hasScan: boolean; action?: ReactNode }) {
  const t = await getTranslations("stages.serviceMap");
  return (
    <div data-testid="service-map-empty">
      <EmptyState
        icon={<GitCompareArrows className="h-6 w-6" />}
        title={t("map.noRunTitle")}
        description={hasScan ? t("map.noRunDescription") : t("emptyDescription")}
        steps={[t("step1"), t("step2"), t("step3")]}
        action={action}
      />
    </div>
  );
}

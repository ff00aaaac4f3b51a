import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/require-permission";
import { currentPlan } from "@/lib/plans/current-plan";
import { listScans } from "@/lib/inventory/list-scans";
import { readServiceMap } from "@/lib/mapping/service-map/read-service-map";
import { ServiceMapEmpty } from "@/components/service-map/service-map-empty";
import { ServiceMapView } from "@/components/service-map/service-map-view";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("serviceMap") };
}

const actionLink = "inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700";

export default async function ServiceMapPage() {
  const user = await requirePermission("servicemap.read");
  const t = await getTranslations("stages.serviceMap");
  const { plan } = await currentPlan(user.organizationId);
  const map = plan ? await readServiceMap(plan) : null;
  if (!plan || !map) {
    const hasScan = plan ? (await listScans(plan, 1)).length > 0 : false;
    return (
      <ServiceMapEmpty
        hasScan={hasScan}
        action={
          <Link href="/inventory" className={actionLink}>
            {t("action")}
          </Link>
        }
      />
    );
  }
  return <ServiceMapView planId={plan.id} initial={map} />;
}

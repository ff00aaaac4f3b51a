import { z } from "zod";
import { withPlan } from "@/lib/auth/with-permission";
import { AppError } from "@/lib/errors";
import { resolveScan } from "@/lib/inventory/resolve-scan";
import { resourceQuerySchema } from "@/lib/inventory/resource-query";
import { exportCsv, exportJson } from "@/lib/inventory/export-inventory";

const exportQuerySchema = resourceQuerySchema.pick({ scanId: true, kind: true, region: true, tag: true, q: true }).extend({ format: z.enum(["csv", "json"]).default("csv") });

/** The inventory (filtered like the table) as a CSV or JSON download. */
export const GET = withPlan<{ planId: string }>("inventory.read", async (req, { plan }) => {
  const query = exportQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const scan = await resolveScan(plan, query.scanId);
  if (!scan) throw new AppError("NOT_FOUND", "planNoScan");
  const stamp = scan.createdAt.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  const filename = `silkroute-inventory-${stamp}.${query.format}`;
  const body =
    query.format === "csv"
      ? exportCsv(scan, query)
      : exportJson(scan, { id: scan.id, plan: plan.name, status: scan.status, mode: scan.mode, createdAt: scan.createdAt, finishedAt: scan.finishedAt }, query);
  return new Response(body, {
    headers: {
      "content-type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});

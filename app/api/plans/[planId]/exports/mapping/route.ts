import { z } from "zod";
import { withPlan } from "@/lib/auth/with-permission";
import { AppError } from "@/lib/errors";
import { readNewestMappingRun } from "@/lib/mapping/read-newest-mapping-run";
import { exportMappingCsv, exportMappingJson } from "@/lib/mapping/export-mapping";

const querySchema = z.object({ format: z.enum(["csv", "json"]).default("csv") });

/** Every proposal of the plan's newest mapping run as a CSV or JSON download. */
export const GET = withPlan<{ planId: string }>("servicemap.read", async (req, { plan }) => {
  const query = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const run = await readNewestMappingRun(plan);
  if (!run) throw new AppError("NOT_FOUND", "mappingRunNotFound");
  const stamp = run.startedAt.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  const filename = `silkroute-mapping-${stamp}.${query.format}`;
  const body =
    query.format === "csv"
      ? exportMappingCsv(run)
      : exportMappingJson(run, { id: run.id, plan: plan.name, scanId: run.scanId, catalogueVersion: run.catalogueVersion, startedAt: run.startedAt, finishedAt: run.finishedAt });
  return new Response(body, {
    headers: {
      "content-type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});

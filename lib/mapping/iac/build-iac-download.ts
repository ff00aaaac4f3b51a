import type { IacOutput } from "@/lib/mapping/iac/iac-input-types";

/**
 * The HTTP download of an IaC export. The export is several files and no zip library is installed
 * (decision 0017), so it is one JSON bundle, `{ format, runId, plan, files: [{ path, content }], warnings }`,
 * served as an attachment; `silkroute export` writes the same files to disk.
 */
export function buildIacDownload(format: "terraform" | "ros", bundle: { runId: string; planName: string; output: IacOutput }): Response {
  const body = JSON.stringify(
    { format, runId: bundle.runId, plan: bundle.planName, files: bundle.output.files, warnings: bundle.output.warnings },
    null,
    2,
  );
  const safeRun = bundle.runId.replace(/[^A-Za-z0-9-]/g, "");
  return new Response(`${body}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="silkroute-${format}-${safeRun}.json"`,
      "cache-control": "no-store",
    },
  });
}

import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

/**
 * Calls a server action the way any HTTP client can: by its id, found in the production build's
 * manifest. The role tests use it to prove that the server, not the UI, refuses an action.
 */
interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

function manifest(): Record<string, ManifestEntry> {
  const file = path.join(process.cwd(), ".next/server/server-reference-manifest.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> }).node;
}

export function actionId(exportedName: string): { id: string; page: string } {
  const entries = Object.entries(manifest()).filter(([, e]) => e.exportedName === exportedName);
  if (entries.length !== 1) throw new Error(`server action ${exportedName}: ${entries.length} matches in the manifest`);
  const [id, entry] = entries[0]!;
  const worker = Object.keys(entry.workers)[0]!; // e.g. "app/(dashboard)/settings/users/page"
  const page = worker.replace(/^app/, "").replace(/\/\([^)]+\)/g, "").replace(/\/page$/, "") || "/";
  return { id, page };
}

export interface ActionCall {
  status: number;
  result: { ok: boolean; error?: { code: string; message: string }; data?: unknown } | null;
  body: string;
}

export async function callAction(request: APIRequestContext, exportedName: string, args: unknown[]): Promise<ActionCall> {
  const { id, page } = actionId(exportedName);
  const response = await request.post(page, {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const body = await response.text();
  const match = body.match(/\{"ok":(true|false)[^\n]*\}/);
  let result: ActionCall["result"] = null;
  if (match) {
    try {
      result = JSON.parse(match[0]);
    } catch {
      result = null;
    }
  }
  return { status: response.status(), result, body };
}

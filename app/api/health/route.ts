import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the CLI. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}

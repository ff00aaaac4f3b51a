import "server-only";
import { pool } from "@/lib/db";
import { logger } from "@/lib/log";
import packageJson from "@/package.json" with { type: "json" };

export interface Health {
  status: "ok" | "error";
  db: "ok" | "unreachable";
  version: string;
}

/** Answers within a few seconds even when the database hangs. */
export async function checkHealth(timeoutMs = 3000): Promise<Health> {
  const version = packageJson.version;
  try {
    const query = pool().query("SELECT 1");
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("database did not answer in time")), timeoutMs).unref());
    await Promise.race([query, timeout]);
    return { status: "ok", db: "ok", version };
  } catch (err) {
    logger().warn({ err }, "health check: database unreachable");
    return { status: "error", db: "unreachable", version };
  }
}

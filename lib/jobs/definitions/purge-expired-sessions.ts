import "server-only";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/define-job";
import { logger } from "@/lib/log";

/** Hourly: removes expired sessions and stale sign-in rate-limit counters. */
export const purgeExpiredSessions = defineJob("maintenance.purge-expired-sessions", async () => {
  const now = new Date();
  const sessions = await db().session.deleteMany({ where: { expiresAt: { lt: now } } });
  const counters = await db().rateLimit.deleteMany({ where: { lastRequest: { lt: BigInt(now.getTime() - 24 * 3600 * 1000) } } });
  const verifications = await db().verification.deleteMany({ where: { expiresAt: { lt: now } } });
  logger().info({ sessions: sessions.count, counters: counters.count, verifications: verifications.count }, "purged expired sign-in state");
});

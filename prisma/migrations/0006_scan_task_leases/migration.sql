-- One worker per scan part: a part run claims its tasks with a lease (a random owner id per run,
-- an expiry it renews while it works) and writes a task's pages, cursor and counts only while
-- that lease is its own and unexpired. A worker that died is replaced once its lease expires.
ALTER TABLE "scan_tasks" ADD COLUMN "lease_owner" TEXT;
ALTER TABLE "scan_tasks" ADD COLUMN "lease_expires_at" TIMESTAMPTZ(3);
ALTER TABLE "scan_tasks" ADD COLUMN "heartbeat_at" TIMESTAMPTZ(3);

-- Calls made per API operation by each region of a scan, for the scan plan and the benchmark.
CREATE TABLE "scan_api_stats" (
    "scan_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "throttles" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "scan_api_stats_pkey" PRIMARY KEY ("scan_id", "region", "service", "operation")
);
ALTER TABLE "scan_api_stats" ADD CONSTRAINT "scan_api_stats_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each resume of a scan queues its unfinished parts again under a new attempt number.
ALTER TABLE "scans" ADD COLUMN "attempt" INTEGER NOT NULL DEFAULT 1;

-- A finished scan keeps its counts per region and kind, so the inventory's chart and totals need
-- no count over its resources.
ALTER TABLE "scans" ADD COLUMN "kind_counts" JSONB;

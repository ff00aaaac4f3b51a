-- What a scan could not read. A resource whose secondary calls failed after their retries (its
-- tags, a Describe, a per-resource list) is stored with what the list said and carries the
-- operations that failed and why: [{"operation": "ListTagsForResource", "code": "ServiceUnavailable"}].
-- NULL when nothing is missing.
ALTER TABLE "resources" ADD COLUMN "gaps" JSONB;

-- The scan records each gap once per region, collector, operation and code, with how many
-- resources (or calls) it concerns, added up page by page in the transaction that stores the page.
ALTER TABLE "scan_issues" ADD COLUMN "count" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "scan_issues" ADD COLUMN "gap" BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX "scan_issues_gap_key" ON "scan_issues"("scan_id", "region", "collector_id", "operation", "code") WHERE "gap";

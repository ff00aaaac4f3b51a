-- The inventory table at fleet size: every sort and filter it offers answers from an index.
-- Sorts end in the row id, so each index ends in it too and a page deep in the list is read from
-- the index alone (the page query joins back to the rows it shows).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

DROP INDEX "resources_scan_id_name_idx";
DROP INDEX "resources_scan_id_kind_name_idx";
CREATE INDEX "resources_scan_id_name_id_idx" ON "resources"("scan_id", "name", "id");
CREATE INDEX "resources_scan_id_kind_name_id_idx" ON "resources"("scan_id", "kind", "name", "id");
CREATE INDEX "resources_scan_id_region_name_id_idx" ON "resources"("scan_id", "region", "name", "id");

ALTER TABLE "resources" DROP CONSTRAINT IF EXISTS "resources_scan_id_arn_key";
DROP INDEX IF EXISTS "resources_scan_id_arn_key";
CREATE UNIQUE INDEX "resources_scan_id_arn_key" ON "resources"("scan_id", "arn") INCLUDE ("id");

-- Text search (any part of a name, ARN, tag key or value) and tag filters (key, or key=value).
CREATE INDEX "resources_search_text_trgm_idx" ON "resources" USING GIN ("search_text" gin_trgm_ops);
CREATE INDEX "resources_tags_idx" ON "resources" USING GIN ("tags");

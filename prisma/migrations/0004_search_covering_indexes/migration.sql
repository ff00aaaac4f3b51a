-- A text search that matches much of an estate walks the index of the table's sort and tests each
-- entry's search text until it has a page. Carrying the search text in those indexes lets that
-- walk read the indexes alone (an index-only scan once the scan's rows are vacuumed), about three
-- times faster than visiting every row; each insert pays a few per cent more.
DROP INDEX "resources_scan_id_name_id_idx";
CREATE INDEX "resources_scan_id_name_id_idx" ON "resources"("scan_id", "name", "id") INCLUDE ("search_text");
DROP INDEX "resources_scan_id_kind_name_id_idx";
CREATE INDEX "resources_scan_id_kind_name_id_idx" ON "resources"("scan_id", "kind", "name", "id") INCLUDE ("search_text");
DROP INDEX "resources_scan_id_region_name_id_idx";
CREATE INDEX "resources_scan_id_region_name_id_idx" ON "resources"("scan_id", "region", "name", "id") INCLUDE ("search_text");
DROP INDEX "resources_scan_id_arn_key";
CREATE UNIQUE INDEX "resources_scan_id_arn_key" ON "resources"("scan_id", "arn") INCLUDE ("id", "search_text");

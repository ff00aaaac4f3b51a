-- The service map (issue 9): the organisation's catalogue with its history and a newer seed's
-- pending differences, the plan's mapping choices, mapping runs with one proposal per scanned
-- resource, name maps and the architects' overrides.

ALTER TABLE "migration_plans" ADD COLUMN "target_region_by_source" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "migration_plans" ADD COLUMN "iot_target" TEXT;
ALTER TABLE "migration_plans" ADD COLUMN "kind_targets" JSONB NOT NULL DEFAULT '{}';

CREATE TABLE "catalogue_entries" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "entry" JSONB NOT NULL,
    "seed_entry" JSONB,
    "seed_version" TEXT,
    "edited" BOOLEAN NOT NULL DEFAULT false,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "catalogue_entries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "catalogue_entries_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "catalogue_entries_organization_id_kind_key" ON "catalogue_entries"("organization_id", "kind");

CREATE TABLE "catalogue_edits" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,
    "seed_version" TEXT,
    "actor_id" TEXT,
    "actor_email" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "catalogue_edits_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "catalogue_edits_organization_id_kind_id_idx" ON "catalogue_edits"("organization_id", "kind", "id" DESC);

CREATE TABLE "catalogue_seed_differences" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "from_version" TEXT,
    "to_version" TEXT NOT NULL,
    "seed_entry" JSONB,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "catalogue_seed_differences_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "catalogue_seed_differences_organization_id_kind_to_version_key" ON "catalogue_seed_differences"("organization_id", "kind", "to_version");
CREATE INDEX "catalogue_seed_differences_organization_id_status_idx" ON "catalogue_seed_differences"("organization_id", "status");

CREATE TABLE "catalogue_seed_states" (
    "organization_id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "catalogue_seed_states_pkey" PRIMARY KEY ("organization_id")
);

CREATE TABLE "mapping_runs" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "scan_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "catalogue_version" TEXT,
    "choices" JSONB NOT NULL DEFAULT '{}',
    "coverage" JSONB,
    "by_kind" JSONB,
    "targets" JSONB,
    "products" JSONB,
    "republish_rules" JSONB,
    "graph" JSONB,
    "reason_sets" JSONB,
    "errors" JSONB,
    "proposal_count" INTEGER NOT NULL DEFAULT 0,
    "failure" TEXT,
    "created_by_id" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "mapping_runs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "mapping_runs_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "migration_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "mapping_runs_plan_id_started_at_idx" ON "mapping_runs"("plan_id", "started_at" DESC);

CREATE TABLE "mapping_proposals" (
    "id" BIGSERIAL NOT NULL,
    "run_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "proposed_status" TEXT NOT NULL,
    "target" TEXT,
    "ros_type" TEXT,
    "fit" TEXT,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "reason_set" TEXT,
    "choices" JSONB,
    "alternatives" JSONB,
    "target_resources" JSONB NOT NULL DEFAULT '{}',
    "content_hash" TEXT,
    "overridden" BOOLEAN NOT NULL DEFAULT false,
    "override_stale" BOOLEAN NOT NULL DEFAULT false,
    "node_id" TEXT,
    CONSTRAINT "mapping_proposals_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "mapping_proposals_run_id_kind_arn_key" ON "mapping_proposals"("run_id", "kind", "arn");
CREATE INDEX "mapping_proposals_run_id_status_id_idx" ON "mapping_proposals"("run_id", "status", "id");
CREATE INDEX "mapping_proposals_run_id_node_id_id_idx" ON "mapping_proposals"("run_id", "node_id", "id");

CREATE TABLE "mapping_name_maps" (
    "plan_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "mapping_name_maps_pkey" PRIMARY KEY ("plan_id", "scope"),
    CONSTRAINT "mapping_name_maps_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "migration_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "mapping_overrides" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "target" TEXT,
    "ros_type" TEXT,
    "reason" TEXT NOT NULL,
    "content_hash" TEXT,
    "scan_id" TEXT,
    "decided_by_id" TEXT,
    "decided_by_email" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "mapping_overrides_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "mapping_overrides_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "migration_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "mapping_overrides_plan_id_kind_arn_key" ON "mapping_overrides"("plan_id", "kind", "arn");

-- A proposal with all its reasons: its own, then the set it shares with others of its run.
CREATE VIEW "mapping_proposal_details" AS
SELECT p."id", p."run_id", p."kind", p."arn", p."name", p."region", p."status", p."proposed_status", p."target", p."ros_type", p."fit",
       p."properties", p."reasons" || COALESCE(r."reason_sets" -> p."reason_set", '[]'::jsonb) AS "reasons", p."choices", p."alternatives",
       p."target_resources", p."content_hash", p."overridden", p."override_stale", p."node_id"
FROM "mapping_proposals" p JOIN "mapping_runs" r ON r."id" = p."run_id";

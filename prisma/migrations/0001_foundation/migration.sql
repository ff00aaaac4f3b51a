-- Silkroute foundation: organisations, users and sessions, cloud connections, migration plans,
-- the append-only audit log, and the inventory (scans, checkpoints, resources, relations).

CREATE TYPE "Role" AS ENUM ('admin', 'architect', 'compliance', 'engineer', 'viewer');
CREATE TYPE "AuditOutcome" AS ENUM ('success', 'denied', 'failure');
CREATE TYPE "PlanStatus" AS ENUM ('draft', 'active', 'archived');
CREATE TYPE "CloudProvider" AS ENUM ('aws', 'alibaba');
CREATE TYPE "ScanStatus" AS ENUM ('queued', 'running', 'complete', 'partial', 'failed', 'cancelled');
CREATE TYPE "ScanMode" AS ENUM ('summary', 'deep');
CREATE TYPE "ScanTaskStatus" AS ENUM ('pending', 'running', 'done', 'failed', 'cancelled');

CREATE TABLE "organizations" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "locale" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE INDEX "users_organization_id_idx" ON "users"("organization_id");

CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

CREATE TABLE "rate_limits" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_request" BIGINT NOT NULL,
    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rate_limits_key_key" ON "rate_limits"("key");

CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_email" TEXT,
    "actor_role" TEXT,
    "action" TEXT NOT NULL,
    "outcome" "AuditOutcome" NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "plan_id" TEXT,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "request_id" TEXT,
    "details" JSONB,
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at" DESC);
CREATE INDEX "audit_events_actor_id_at_idx" ON "audit_events"("actor_id", "at" DESC);
CREATE INDEX "audit_events_action_at_idx" ON "audit_events"("action", "at" DESC);
CREATE INDEX "audit_events_target_type_target_id_idx" ON "audit_events"("target_type", "target_id");

-- The audit log is append-only: the database itself refuses to change or remove a row.
CREATE FUNCTION "audit_events_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_events_no_update_delete"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"();
CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"();

CREATE TABLE "cloud_connections" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "provider" "CloudProvider" NOT NULL,
    "name" TEXT NOT NULL,
    "auth_mode" TEXT NOT NULL,
    "profile" TEXT,
    "role_arn" TEXT,
    "external_id" TEXT,
    "access_key_id" TEXT,
    "secret_ciphertext" TEXT,
    "endpoint_url" TEXT,
    "regions" TEXT[],
    "quota_overrides" JSONB,
    "account_id" TEXT,
    "last_tested_at" TIMESTAMPTZ(3),
    "last_test_ok" BOOLEAN,
    "last_test_message" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cloud_connections_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "cloud_connections_organization_id_name_key" ON "cloud_connections"("organization_id", "name");

CREATE TABLE "migration_plans" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "PlanStatus" NOT NULL DEFAULT 'active',
    "source_connection_id" TEXT,
    "source_regions" TEXT[],
    "target_connection_id" TEXT,
    "target_regions" TEXT[],
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "migration_plans_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "migration_plans_organization_id_idx" ON "migration_plans"("organization_id");

CREATE TABLE "scans" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "connection_id" TEXT,
    "mode" "ScanMode" NOT NULL,
    "include_shadows" BOOLEAN NOT NULL DEFAULT false,
    "regions" TEXT[],
    "status" "ScanStatus" NOT NULL DEFAULT 'queued',
    "origin" TEXT NOT NULL DEFAULT 'web',
    "requested_by_id" TEXT,
    "account_id" TEXT,
    "previous_scan_id" TEXT,
    "estimate" JSONB,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "error_code" TEXT,
    "error_message" TEXT,
    "resource_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "scans_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "scans_plan_id_created_at_idx" ON "scans"("plan_id", "created_at" DESC);

CREATE TABLE "scan_tasks" (
    "id" TEXT NOT NULL,
    "scan_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "collector_id" TEXT NOT NULL,
    "phase" INTEGER NOT NULL DEFAULT 1,
    "status" "ScanTaskStatus" NOT NULL DEFAULT 'pending',
    "cursor" TEXT,
    "pages_done" INTEGER NOT NULL DEFAULT 0,
    "items_found" INTEGER NOT NULL DEFAULT 0,
    "calls_made" INTEGER NOT NULL DEFAULT 0,
    "throttles" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "scan_tasks_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "scan_tasks_scan_id_region_collector_id_key" ON "scan_tasks"("scan_id", "region", "collector_id");

CREATE TABLE "scan_issues" (
    "id" BIGSERIAL NOT NULL,
    "scan_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "collector_id" TEXT,
    "severity" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "operation" TEXT,
    "arn" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "scan_issues_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "scan_issues_scan_id_idx" ON "scan_issues"("scan_id");

CREATE TABLE "resources" (
    "id" BIGSERIAL NOT NULL,
    "scan_id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "raw" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "search_text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "resources_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "resources_scan_id_arn_key" ON "resources"("scan_id", "arn");
CREATE INDEX "resources_scan_id_kind_name_idx" ON "resources"("scan_id", "kind", "name");
CREATE INDEX "resources_scan_id_name_idx" ON "resources"("scan_id", "name");

CREATE TABLE "resource_relations" (
    "id" BIGSERIAL NOT NULL,
    "scan_id" TEXT NOT NULL,
    "from_arn" TEXT NOT NULL,
    "to_arn" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "to_kind" TEXT,
    CONSTRAINT "resource_relations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "resource_relations_scan_id_from_arn_to_arn_type_key" ON "resource_relations"("scan_id", "from_arn", "to_arn", "type");
CREATE INDEX "resource_relations_scan_id_to_arn_idx" ON "resource_relations"("scan_id", "to_arn");

ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cloud_connections" ADD CONSTRAINT "cloud_connections_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "migration_plans" ADD CONSTRAINT "migration_plans_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "migration_plans" ADD CONSTRAINT "migration_plans_source_connection_id_fkey" FOREIGN KEY ("source_connection_id") REFERENCES "cloud_connections"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "migration_plans" ADD CONSTRAINT "migration_plans_target_connection_id_fkey" FOREIGN KEY ("target_connection_id") REFERENCES "cloud_connections"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "scans" ADD CONSTRAINT "scans_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "migration_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scans" ADD CONSTRAINT "scans_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "cloud_connections"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "scan_tasks" ADD CONSTRAINT "scan_tasks_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scans"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scan_issues" ADD CONSTRAINT "scan_issues_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

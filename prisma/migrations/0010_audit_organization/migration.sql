-- Every audit entry belongs to one organisation, so an organisation's audit log shows its own
-- entries and nothing of another's. The column is filled on insert: from the value the app gives,
-- else from the plan the entry is about, else from the acting user (by id, then by the e-mail a
-- sign-in attempt named), else, for an entry with no actor at all (the first admin's creation),
-- from the user it is about. Entries that belong to no organisation (an anonymous request, a sign-in
-- attempt for an address nobody has) keep NULL: they are the installation's, listed to its own
-- (default) organisation only (lib/audit/list-audit-events.ts).
ALTER TABLE "audit_events" ADD COLUMN "organization_id" TEXT;

CREATE FUNCTION "audit_events_set_organization"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."organization_id" IS NULL THEN
    NEW."organization_id" := COALESCE(
      (SELECT p."organization_id" FROM "migration_plans" p WHERE p."id" = NEW."plan_id"),
      (SELECT u."organization_id" FROM "users" u WHERE u."id" = NEW."actor_id"),
      (SELECT u."organization_id" FROM "users" u WHERE u."email" = NEW."actor_email"),
      CASE WHEN NEW."actor_id" IS NULL AND NEW."actor_email" IS NULL AND NEW."target_type" = 'user'
        THEN (SELECT u."organization_id" FROM "users" u WHERE u."id" = NEW."target_id") END
    );
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "audit_events_organization"
  BEFORE INSERT ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_set_organization"();

-- The entries written before this migration, attributed the same way. The log is append-only;
-- this one backfill of a new column is the only change its rows ever get.
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_no_update_delete";
UPDATE "audit_events" e SET "organization_id" = COALESCE(
  (SELECT p."organization_id" FROM "migration_plans" p WHERE p."id" = e."plan_id"),
  (SELECT u."organization_id" FROM "users" u WHERE u."id" = e."actor_id"),
  (SELECT u."organization_id" FROM "users" u WHERE u."email" = e."actor_email"),
  CASE WHEN e."actor_id" IS NULL AND e."actor_email" IS NULL AND e."target_type" = 'user' THEN (SELECT u."organization_id" FROM "users" u WHERE u."id" = e."target_id") END
);
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_no_update_delete";

CREATE INDEX "audit_events_organization_id_id_idx" ON "audit_events"("organization_id", "id" DESC);

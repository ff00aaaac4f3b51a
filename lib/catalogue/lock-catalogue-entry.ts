import "server-only";
import { db, sqlQuery } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Reads one row of an organisation's catalogue for a change, holding its row lock until the
 * transaction ends, so two architects' changes to one kind queue instead of losing one. Another
 * organisation's row is NOT_FOUND, as one that does not exist. Call inside transaction().
 */
export async function lockCatalogueEntry(organizationId: string, kind: string) {
  const { rows } = await sqlQuery<{ id: string }>("SELECT id FROM catalogue_entries WHERE organization_id = $1 AND kind = $2 FOR UPDATE", [organizationId, kind]);
  const id = rows[0]?.id;
  if (!id) throw new AppError("NOT_FOUND", "catalogueEntryNotFound", { kind });
  return db().catalogueEntry.findUniqueOrThrow({ where: { id } });
}

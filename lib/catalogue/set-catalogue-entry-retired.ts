import "server-only";
import { db, transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { catalogueEditReasonSchema } from "@/lib/catalogue/catalogue-edit-reason";
import { lockCatalogueEntry } from "@/lib/catalogue/lock-catalogue-entry";
import type { CatalogueActor } from "@/lib/catalogue/load-catalogue-seed";

/**
 * An architect retires an entry (the mapping stops using it) or restores it, with a reason. Either
 * is the architect's change, so the row counts as edited: a newer seed asks instead of undoing it.
 * The history row ("retire" / "restore") is written in the same transaction.
 */
export async function setCatalogueEntryRetired(
  organizationId: string,
  input: { kind: string; retired: boolean; reason: string },
  actor: CatalogueActor | null,
): Promise<{ kind: string; retired: boolean }> {
  const reason = catalogueEditReasonSchema.parse(input.reason);
  return transaction(async () => {
    const row = await lockCatalogueEntry(organizationId, input.kind);
    if (row.retired === input.retired) {
      throw new AppError("CONFLICT", input.retired ? "catalogueEntryAlreadyRetired" : "catalogueEntryNotRetired", { kind: input.kind });
    }
    await db().catalogueEntry.update({ where: { id: row.id }, data: { retired: input.retired, edited: true, updatedById: actor?.id ?? null } });
    await db().catalogueEdit.create({
      data: {
        organizationId,
        kind: input.kind,
        source: input.retired ? "retire" : "restore",
        reason,
        before: row.entry as never,
        after: row.entry as never,
        seedVersion: row.seedVersion,
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? null,
      },
    });
    return { kind: input.kind, retired: input.retired };
  });
}

import "server-only";
import { db, transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { catalogueEntrySchema } from "@/lib/catalogue/catalogue-schema";
import { catalogueEditReasonSchema } from "@/lib/catalogue/catalogue-edit-reason";
import { compareCatalogueEntries } from "@/lib/catalogue/compare-catalogue-versions";
import { ensureOrganizationCatalogue } from "@/lib/catalogue/ensure-organization-catalogue";
import { lockCatalogueEntry } from "@/lib/catalogue/lock-catalogue-entry";
import type { CatalogueActor } from "@/lib/catalogue/load-catalogue-seed";
import type { CatalogueFieldChange } from "@/lib/catalogue/catalogue-types";

/**
 * An architect replaces one entry of the organisation's catalogue with their version (validated
 * as the seed is: candidates ranked 1..n, fit, gaps, availability per world, source, date,
 * confidence), giving a reason. The row becomes edited, so a newer seed asks instead of
 * overwriting it; the history keeps the entry before and after with the reason. One transaction
 * (the server action adds its audit entry to it).
 */
export async function editCatalogueEntry(
  organizationId: string,
  input: { kind: string; entry: unknown; reason: string },
  actor: CatalogueActor | null,
): Promise<{ kind: string; changes: CatalogueFieldChange[] }> {
  const reason = catalogueEditReasonSchema.parse(input.reason);
  const entry = catalogueEntrySchema.parse(input.entry);
  if (entry.kind !== input.kind) throw new AppError("VALIDATION_FAILED", "catalogueKindMismatch", { kind: input.kind });
  await ensureOrganizationCatalogue(organizationId);
  return transaction(async () => {
    const row = await lockCatalogueEntry(organizationId, input.kind);
    const changes = compareCatalogueEntries(row.entry, entry);
    if (changes.length === 0) throw new AppError("CONFLICT", "catalogueEntryUnchanged", { kind: input.kind });
    await db().catalogueEntry.update({
      where: { id: row.id },
      data: { entry: entry as Prisma.InputJsonValue, category: entry.category, edited: true, updatedById: actor?.id ?? null },
    });
    await db().catalogueEdit.create({
      data: {
        organizationId,
        kind: input.kind,
        source: "edit",
        reason,
        before: row.entry as Prisma.InputJsonValue,
        after: entry as Prisma.InputJsonValue,
        seedVersion: row.seedVersion,
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? null,
      },
    });
    return { kind: input.kind, changes };
  });
}

import "server-only";
import { db, sqlQuery, transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { catalogueEditReasonSchema } from "@/lib/catalogue/catalogue-edit-reason";
import { lockCatalogueEntry } from "@/lib/catalogue/lock-catalogue-entry";
import type { CatalogueActor } from "@/lib/catalogue/load-catalogue-seed";

export const SEED_DECISIONS = ["accept", "keep"] as const;
export type SeedDecision = (typeof SEED_DECISIONS)[number];

/**
 * An architect answers a newer seed's difference on an edited row, with a reason:
 * - accept: the row takes the seed's entry and is the seed's again (not edited); when the seed
 *   dropped the kind, the row is retired;
 * - keep: the edit stays, and the row's seed base becomes the newer seed's entry, so the same
 *   seed does not ask again (a later seed that changes it again does).
 * The difference, the row and the history ("seed-accepted" / "seed-kept") change in one transaction.
 */
export async function decideSeedDifference(
  organizationId: string,
  input: { differenceId: string; decision: SeedDecision; reason: string },
  actor: CatalogueActor | null,
): Promise<{ kind: string; decision: SeedDecision; toVersion: string }> {
  const reason = catalogueEditReasonSchema.parse(input.reason);
  return transaction(async () => {
    const { rows } = await sqlQuery<{ id: string }>(
      "SELECT id FROM catalogue_seed_differences WHERE id = $1 AND organization_id = $2 FOR UPDATE",
      [input.differenceId, organizationId],
    );
    if (!rows[0]) throw new AppError("NOT_FOUND", "catalogueDifferenceNotFound");
    const difference = await db().catalogueSeedDifference.findUniqueOrThrow({ where: { id: input.differenceId } });
    if (difference.status !== "pending") throw new AppError("CONFLICT", "catalogueDifferenceDecided", { kind: difference.kind });
    const row = await lockCatalogueEntry(organizationId, difference.kind);
    const seedEntry = difference.seedEntry as Prisma.InputJsonValue | null;
    if (input.decision === "accept") {
      await db().catalogueEntry.update({
        where: { id: row.id },
        data:
          seedEntry === null
            ? { retired: true, edited: false, seedVersion: difference.toVersion, updatedById: actor?.id ?? null }
            : {
                entry: seedEntry,
                seedEntry,
                category: (difference.seedEntry as { category: string }).category,
                retired: false,
                edited: false,
                seedVersion: difference.toVersion,
                updatedById: actor?.id ?? null,
              },
      });
    } else {
      await db().catalogueEntry.update({
        where: { id: row.id },
        data: { seedEntry: seedEntry ?? Prisma.DbNull, seedVersion: difference.toVersion, updatedById: actor?.id ?? null },
      });
    }
    await db().catalogueSeedDifference.update({
      where: { id: difference.id },
      data: { status: input.decision === "accept" ? "accepted" : "kept", decidedById: actor?.id ?? null, decidedAt: new Date(), reason },
    });
    await db().catalogueEdit.create({
      data: {
        organizationId,
        kind: difference.kind,
        source: input.decision === "accept" ? "seed-accepted" : "seed-kept",
        reason,
        before: row.entry as Prisma.InputJsonValue,
        after: input.decision === "accept" ? (seedEntry ?? (row.entry as Prisma.InputJsonValue)) : (row.entry as Prisma.InputJsonValue),
        seedVersion: difference.toVersion,
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? null,
      },
    });
    return { kind: difference.kind, decision: input.decision, toVersion: difference.toVersion };
  });
}

import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Server actions read the request's headers from Next.js; here they are the headers of a real
// session, signed in through better-auth against the test database.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

import { db } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { auth } from "@/lib/auth/auth";
import { createUser } from "@/lib/users/create-user";
import { editCatalogueEntryAction } from "@/lib/actions/catalogue/edit-catalogue-entry";
import { retireCatalogueEntryAction } from "@/lib/actions/catalogue/retire-catalogue-entry";
import { decideSeedDifferenceAction } from "@/lib/actions/catalogue/decide-seed-difference";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { loadCatalogueSeed } from "@/lib/catalogue/load-catalogue-seed";
import { listSeedDifferences } from "@/lib/catalogue/list-seed-differences";
import type { Role } from "@/lib/auth/permissions";
import type { CatalogueEntry } from "@/lib/catalogue/catalogue-types";

useTestDatabase();

const PASSWORD = "catalogue-edits-are-audited";
const SQS = "AWS::SQS::Queue";
const seed = readCurrentCatalogueSeed();
let organizationId: string;

async function signInAs(role: Role) {
  const email = `${role}-${crypto.randomUUID()}@catalogue.test`;
  await createUser({ organizationId, email, name: role, role, password: PASSWORD });
  const { headers } = await auth().api.signInEmail({ body: { email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  request.headers = new Headers({ cookie, "x-request-id": crypto.randomUUID(), "user-agent": "vitest" });
  return email;
}

function edited(text: string): CatalogueEntry {
  const entry = structuredClone(seed.entries.find((e) => e.kind === SQS)!);
  entry.targets[0]!.differs = text;
  return entry;
}

async function sqsRow() {
  return db().catalogueEntry.findUniqueOrThrow({ where: { organizationId_kind: { organizationId, kind: SQS } } });
}

beforeAll(async () => {
  organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name: "Catalogue actions org" } });
  await loadCatalogueSeed(organizationId, seed);
});

describe("catalogue actions", () => {
  it("an architect's edit is stored with its history and audited with its reason, in one go", async () => {
    const email = await signInAs("architect");
    const result = await editCatalogueEntryAction({ kind: SQS, entry: edited("Architect's text."), reason: "Verified in the console" });
    expect(result.ok).toBe(true);
    const row = await sqsRow();
    expect(row.edited).toBe(true);
    const audit = await db().auditEvent.findMany({ where: { action: "catalogue.edit", actorEmail: email } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: "success", targetType: "catalogue_entry", targetId: SQS, organizationId });
    expect(audit[0]!.details).toMatchObject({ reason: "Verified in the console" });
    const history = await db().catalogueEdit.findFirstOrThrow({ where: { organizationId, kind: SQS, source: "edit" }, orderBy: { id: "desc" } });
    expect(history).toMatchObject({ reason: "Verified in the console", actorEmail: email });
  });

  it("shows which field of the entry is invalid, and requires a reason", async () => {
    await signInAs("architect");
    const bad = edited("x");
    (bad.targets[0] as { fit: string }).fit = "perfect";
    const result = await editCatalogueEntryAction({ kind: SQS, entry: bad, reason: "r" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error.fields ?? {})).toContain("entry.targets.0.fit");
    const noReason = await editCatalogueEntryAction({ kind: SQS, entry: edited("y"), reason: " " });
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(Object.keys(noReason.error.fields ?? {})).toContain("reason");
  });

  it("a viewer or an engineer is refused on the server, and nothing changes", async () => {
    const before = await sqsRow();
    for (const role of ["viewer", "engineer"] as const) {
      const email = await signInAs(role);
      const edit = await editCatalogueEntryAction({ kind: SQS, entry: edited(`By a ${role}.`), reason: "should not work" });
      expect(edit.ok).toBe(false);
      if (!edit.ok) expect(edit.error.code).toBe("FORBIDDEN");
      const retire = await retireCatalogueEntryAction({ kind: SQS, retired: true, reason: "should not work" });
      expect(retire.ok).toBe(false);
      const decide = await decideSeedDifferenceAction({ differenceId: crypto.randomUUID(), decision: "accept", reason: "no" });
      expect(decide.ok).toBe(false);
      if (!decide.ok) expect(decide.error.code).toBe("FORBIDDEN");
      const denied = await db().auditEvent.count({ where: { actorEmail: email, outcome: "denied" } });
      expect(denied).toBeGreaterThanOrEqual(3);
    }
    const after = await sqsRow();
    expect(after.entry).toEqual(before.entry);
    expect(after.retired).toBe(false);
  });

  it("an architect retires an entry and answers a newer seed's difference, each audited", async () => {
    const email = await signInAs("architect");
    expect((await retireCatalogueEntryAction({ kind: SQS, retired: true, reason: "Not used" })).ok).toBe(true);
    expect((await retireCatalogueEntryAction({ kind: SQS, retired: false, reason: "Used again" })).ok).toBe(true);
    const newer = structuredClone(seed);
    newer.version = "2026-12.1";
    newer.entries.find((e) => e.kind === SQS)!.targets[0]!.differs = "The seed's newer text.";
    await loadCatalogueSeed(organizationId, newer);
    const [difference] = await listSeedDifferences(organizationId);
    expect(difference?.kind).toBe(SQS);
    const result = await decideSeedDifferenceAction({ differenceId: difference!.id, decision: "keep", reason: "Ours is measured" });
    expect(result.ok).toBe(true);
    const audit = await db().auditEvent.findMany({ where: { actorEmail: email, action: { startsWith: "catalogue." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["catalogue.retire", "catalogue.retire", "catalogue.seed_decision"]);
    expect(audit[2]!.details).toMatchObject({ decision: "keep", reason: "Ours is measured", toVersion: "2026-12.1" });
  });
});

import crypto from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { loadCatalogueSeed } from "@/lib/catalogue/load-catalogue-seed";
import { readCurrentCatalogueSeed } from "@/lib/catalogue/read-catalogue-seed";
import { readOrganizationCatalogue } from "@/lib/catalogue/read-organization-catalogue";
import { editCatalogueEntry } from "@/lib/catalogue/edit-catalogue-entry";
import { decideSeedDifference } from "@/lib/catalogue/decide-seed-difference";
import { listSeedDifferences } from "@/lib/catalogue/list-seed-differences";
import { listCatalogueEntries } from "@/lib/catalogue/list-catalogue-entries";
import { listCatalogueHistory } from "@/lib/catalogue/list-catalogue-history";
import { setCatalogueEntryRetired } from "@/lib/catalogue/set-catalogue-entry-retired";
import { loadCatalogueSeedForOrganizations } from "@/lib/catalogue/load-catalogue-seed-for-organizations";
import type { Catalogue, CatalogueEntry } from "@/lib/catalogue/catalogue-types";
import type { AppError } from "@/lib/errors";

useTestDatabase();

const seed = readCurrentCatalogueSeed();
const SQS = "AWS::SQS::Queue";
const THING = "AWS::IoT::Thing";
const actor = { id: "user-architect", email: "architect@catalogue.test" };

let organizationId: string;

async function newOrganization(): Promise<string> {
  const id = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id, name: `Catalogue ${id}` } });
  return id;
}

function entryOf(catalogue: Catalogue, kind: string): CatalogueEntry {
  const entry = catalogue.entries.find((e) => e.kind === kind);
  if (!entry) throw new Error(`no ${kind}`);
  return entry;
}

/** The architect's version of an entry: a different first-rank "differs" text. */
function editedEntry(kind: string, text: string): CatalogueEntry {
  const entry = structuredClone(entryOf(seed, kind));
  entry.targets[0]!.differs = text;
  return entry;
}

/** A newer seed's change: the first candidate's fit becomes another one. */
function changeFit(entry: CatalogueEntry): void {
  entry.targets[0]!.fit = entry.targets[0]!.fit === "partial" ? "equivalent" : "partial";
}

async function counts(org: string) {
  const [entries, edits, differences, retired] = await Promise.all([
    db().catalogueEntry.count({ where: { organizationId: org } }),
    db().catalogueEdit.count({ where: { organizationId: org } }),
    db().catalogueSeedDifference.count({ where: { organizationId: org } }),
    db().catalogueEntry.count({ where: { organizationId: org, retired: true } }),
  ]);
  return { entries, edits, differences, retired };
}

async function rowOf(org: string, kind: string) {
  return db().catalogueEntry.findUniqueOrThrow({ where: { organizationId_kind: { organizationId: org, kind } } });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "none";
  } catch (err) {
    return (err as AppError).code ?? "thrown";
  }
}

beforeEach(async () => {
  organizationId = await newOrganization();
});

describe("loading the catalogue seed", () => {
  it("inserts every entry of the seed on first load, with a history row each, and records the seed's version", async () => {
    const load = await loadCatalogueSeed(organizationId, seed);
    expect(seed.entries).toHaveLength(74);
    expect(load.added).toHaveLength(74);
    expect(load).toMatchObject({ version: "2026-12", updated: [], differences: [], retired: [], unchanged: 0 });
    expect(await counts(organizationId)).toEqual({ entries: 74, edits: 74, differences: 0, retired: 0 });
    const state = await db().catalogueSeedState.findUniqueOrThrow({ where: { organizationId } });
    expect(state.version).toBe("2026-12");
    const history = await listCatalogueHistory(organizationId, { kind: SQS });
    expect(history.map((h) => h.source)).toEqual(["seed"]);
  });

  it("changes nothing when the same seed is loaded again", async () => {
    await loadCatalogueSeed(organizationId, seed);
    const before = await counts(organizationId);
    const rowBefore = await rowOf(organizationId, SQS);
    const again = await loadCatalogueSeed(organizationId, seed);
    expect(again).toMatchObject({ added: [], updated: [], differences: [], retired: [], unchanged: 74 });
    expect(await counts(organizationId)).toEqual(before);
    expect((await rowOf(organizationId, SQS)).updatedAt).toEqual(rowBefore.updatedAt);
  });

  it("two concurrent first loads insert each kind once", async () => {
    const [a, b] = await Promise.all([loadCatalogueSeed(organizationId, seed), loadCatalogueSeed(organizationId, seed)]);
    expect([a.added.length, b.added.length].sort()).toEqual([0, 74]);
    expect(await counts(organizationId)).toMatchObject({ entries: 74, edits: 74 });
  });

  it("a newer seed updates unedited rows, asks about the edited one without overwriting it, and retires a dropped kind", async () => {
    await loadCatalogueSeed(organizationId, seed);
    const mine = editedEntry(SQS, "Our own reading of the queue's differences.");
    await editCatalogueEntry(organizationId, { kind: SQS, entry: mine, reason: "Checked with Alibaba support" }, actor);

    const newer = structuredClone(seed);
    newer.version = "2026-12.1";
    changeFit(entryOf(newer, SQS));
    entryOf(newer, SQS).targets[0]!.differs = "The seed's newer text.";
    entryOf(newer, THING).targets[0]!.confidence = "low";
    const dropped = newer.entries.find((e) => e.kind !== SQS && e.kind !== THING && e.category === "analytics") ?? newer.entries.at(-1)!;
    newer.entries = newer.entries.filter((e) => e.kind !== dropped.kind);

    const load = await loadCatalogueSeed(organizationId, newer);
    expect(load.updated).toEqual([THING]);
    expect(load.differences).toEqual([SQS]);
    expect(load.retired).toEqual([dropped.kind]);
    expect(load.added).toEqual([]);

    const sqs = await rowOf(organizationId, SQS);
    expect(sqs.edited).toBe(true);
    expect((sqs.entry as CatalogueEntry).targets[0]!.differs).toBe("Our own reading of the queue's differences.");
    expect((((await rowOf(organizationId, THING)).entry) as CatalogueEntry).targets[0]!.confidence).toBe("low");
    expect((await rowOf(organizationId, dropped.kind)).retired).toBe(true);

    const [difference] = await listSeedDifferences(organizationId);
    expect(difference).toMatchObject({ kind: SQS, fromVersion: "2026-12", toVersion: "2026-12.1", status: "pending" });
    const paths = difference!.changes.map((c) => c.path);
    expect(paths).toContain(`targets[${mine.targets[0]!.name}].fit`);
    expect(paths).toContain(`targets[${mine.targets[0]!.name}].differs`);
    expect(difference!.seedChanges.map((c) => c.path)).toEqual(expect.arrayContaining([`targets[${mine.targets[0]!.name}].fit`]));

    // The same newer seed again: nothing new.
    const again = await loadCatalogueSeed(organizationId, newer);
    expect(again).toMatchObject({ added: [], updated: [], differences: [], retired: [] });
    expect(await db().catalogueSeedDifference.count({ where: { organizationId } })).toBe(1);

    // The mapping sees the edit and the retirement, and a version that says it was edited.
    const read = await readOrganizationCatalogue(organizationId);
    expect(read.version).toMatch(/^2026-12\.1\+1 edit \([0-9a-f]{8}\)$/);
    expect(read.catalogue.entries).toHaveLength(73);
    expect(entryOf(read.catalogue, SQS).targets[0]!.differs).toBe("Our own reading of the queue's differences.");
  });

  it("taking the seed's version makes the row the seed's again", async () => {
    await loadCatalogueSeed(organizationId, seed);
    await editCatalogueEntry(organizationId, { kind: SQS, entry: editedEntry(SQS, "Mine."), reason: "r" }, actor);
    const newer = structuredClone(seed);
    newer.version = "2026-12.1";
    changeFit(entryOf(newer, SQS));
    await loadCatalogueSeed(organizationId, newer);
    const [difference] = await listSeedDifferences(organizationId);
    await decideSeedDifference(organizationId, { differenceId: difference!.id, decision: "accept", reason: "The seed is right" }, actor);
    const row = await rowOf(organizationId, SQS);
    expect(row.edited).toBe(false);
    expect(row.entry).toEqual(entryOf(newer, SQS));
    expect(row.seedVersion).toBe("2026-12.1");
    expect(await listSeedDifferences(organizationId)).toEqual([]);
    const history = await listCatalogueHistory(organizationId, { kind: SQS });
    expect(history[0]).toMatchObject({ source: "seed-accepted", reason: "The seed is right", actorEmail: actor.email });
    expect(await codeOf(decideSeedDifference(organizationId, { differenceId: difference!.id, decision: "keep", reason: "again" }, actor))).toBe("CONFLICT");
    expect((await readOrganizationCatalogue(organizationId)).version).toBe("2026-12.1");
  });

  it("keeping the edit leaves it, and the same seed does not ask again", async () => {
    await loadCatalogueSeed(organizationId, seed);
    await editCatalogueEntry(organizationId, { kind: SQS, entry: editedEntry(SQS, "Mine."), reason: "r" }, actor);
    const newer = structuredClone(seed);
    newer.version = "2026-12.1";
    changeFit(entryOf(newer, SQS));
    await loadCatalogueSeed(organizationId, newer);
    const [difference] = await listSeedDifferences(organizationId);
    await decideSeedDifference(organizationId, { differenceId: difference!.id, decision: "keep", reason: "Ours is verified" }, actor);
    const row = await rowOf(organizationId, SQS);
    expect(row.edited).toBe(true);
    expect((row.entry as CatalogueEntry).targets[0]!.differs).toBe("Mine.");
    expect(row.seedEntry).toEqual(entryOf(newer, SQS));
    expect((await listCatalogueHistory(organizationId, { kind: SQS }))[0]).toMatchObject({ source: "seed-kept", reason: "Ours is verified" });
    // Another, later seed that changes nothing for this kind does not ask either.
    const later = structuredClone(newer);
    later.version = "2027-01";
    expect((await loadCatalogueSeed(organizationId, later)).differences).toEqual([]);
  });

  it("an edited kind that a newer seed drops is asked about, not retired", async () => {
    await loadCatalogueSeed(organizationId, seed);
    await editCatalogueEntry(organizationId, { kind: SQS, entry: editedEntry(SQS, "Mine."), reason: "r" }, actor);
    const newer = structuredClone(seed);
    newer.version = "2026-12.1";
    newer.entries = newer.entries.filter((e) => e.kind !== SQS);
    const load = await loadCatalogueSeed(organizationId, newer);
    expect(load.differences).toEqual([SQS]);
    expect(load.retired).toEqual([]);
    expect((await rowOf(organizationId, SQS)).retired).toBe(false);
    const [difference] = await listSeedDifferences(organizationId);
    expect(difference!.seedEntry).toBeNull();
    await decideSeedDifference(organizationId, { differenceId: difference!.id, decision: "accept", reason: "Gone upstream" }, actor);
    expect((await rowOf(organizationId, SQS)).retired).toBe(true);
  });
});

describe("editing the catalogue", () => {
  it("an edit is kept with its reason, before and after, and refuses an invalid entry or a no-op", async () => {
    await loadCatalogueSeed(organizationId, seed);
    const mine = editedEntry(SQS, "Edited.");
    const result = await editCatalogueEntry(organizationId, { kind: SQS, entry: mine, reason: "  Measured in our test account  " }, actor);
    expect(result.changes.map((c) => c.path)).toEqual([`targets[${mine.targets[0]!.name}].differs`]);
    const [history] = await listCatalogueHistory(organizationId, { kind: SQS });
    expect(history).toMatchObject({ source: "edit", reason: "Measured in our test account", actorEmail: actor.email, after: mine });
    expect(history!.before).toEqual(entryOf(seed, SQS));
    expect(await codeOf(editCatalogueEntry(organizationId, { kind: SQS, entry: mine, reason: "again" }, actor))).toBe("CONFLICT");

    const badRanks = structuredClone(mine);
    badRanks.targets[0]!.rank = 7;
    await expect(editCatalogueEntry(organizationId, { kind: SQS, entry: badRanks, reason: "r" }, actor)).rejects.toThrow(/ranks must run/);
    await expect(editCatalogueEntry(organizationId, { kind: SQS, entry: mine, reason: "" }, actor)).rejects.toThrow(/reason is required/);
    expect(await codeOf(editCatalogueEntry(organizationId, { kind: THING, entry: mine, reason: "r" }, actor))).toBe("VALIDATION_FAILED");
  });

  it("retiring and restoring are recorded and the mapping stops seeing a retired entry", async () => {
    await loadCatalogueSeed(organizationId, seed);
    await setCatalogueEntryRetired(organizationId, { kind: SQS, retired: true, reason: "Not used by us" }, actor);
    expect(await codeOf(setCatalogueEntryRetired(organizationId, { kind: SQS, retired: true, reason: "twice" }, actor))).toBe("CONFLICT");
    const read = await readOrganizationCatalogue(organizationId);
    expect(read.catalogue.entries.some((e) => e.kind === SQS)).toBe(false);
    expect((await listCatalogueEntries(organizationId, { retired: "only" })).entries.map((e) => e.kind)).toEqual([SQS]);
    await setCatalogueEntryRetired(organizationId, { kind: SQS, retired: false, reason: "Back in use" }, actor);
    expect((await listCatalogueHistory(organizationId, { kind: SQS })).map((h) => h.source)).toEqual(["restore", "retire", "seed"]);
  });

  it("one organisation's edits are never another's", async () => {
    const other = await newOrganization();
    await loadCatalogueSeed(organizationId, seed);
    await loadCatalogueSeed(other, seed);
    await editCatalogueEntry(organizationId, { kind: SQS, entry: editedEntry(SQS, "Org A only."), reason: "r" }, actor);
    const b = await readOrganizationCatalogue(other);
    expect(b.version).toBe("2026-12");
    expect(entryOf(b.catalogue, SQS)).toEqual(entryOf(seed, SQS));
    expect((await listCatalogueHistory(other, { kind: SQS })).map((h) => h.source)).toEqual(["seed"]);
    expect((await listCatalogueEntries(other, { q: "Org A only" })).entries).toEqual([]);
    // Org B cannot change or answer for org A's rows.
    const newer = structuredClone(seed);
    newer.version = "2026-12.1";
    changeFit(entryOf(newer, SQS));
    await loadCatalogueSeed(organizationId, newer);
    const [difference] = await listSeedDifferences(organizationId);
    expect(await listSeedDifferences(other)).toEqual([]);
    expect(await codeOf(decideSeedDifference(other, { differenceId: difference!.id, decision: "accept", reason: "r" }, actor))).toBe("NOT_FOUND");
  });
});

describe("first use", () => {
  it("reading an organisation's catalogue loads the seed when it has none", async () => {
    const read = await readOrganizationCatalogue(organizationId);
    expect(read.version).toBe("2026-12");
    expect(read.catalogue.entries).toHaveLength(74);
    expect(read.catalogue.iot.ruleActions.length).toBe(seed.iot.ruleActions.length);
    expect(await counts(organizationId)).toMatchObject({ entries: 74 });
    // The browser lists IoT first, in the seed's order, and filters by world without mixing them.
    const listed = await listCatalogueEntries(organizationId);
    expect(listed).toMatchObject({ total: 74, edited: 0 });
    expect(listed.entries[0]!.kind).toBe(THING);
    const mainland = await listCatalogueEntries(organizationId, { region: "cn-shanghai" });
    expect(mainland.entries.length).toBeGreaterThan(0);
    expect(mainland.entries.every((r) => r.entry.targets.some((t) => t.availability.mainlandChina.status === "regions" && t.availability.mainlandChina.regions.includes("cn-shanghai")))).toBe(true);
    // The start-up pass finds nothing left to do for it.
    const loads = await loadCatalogueSeedForOrganizations();
    expect(loads.find((l) => l.organizationId === organizationId)).toBeUndefined();
  });
});

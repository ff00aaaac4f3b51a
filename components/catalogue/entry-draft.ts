/**
 * The catalogue editor's form state and its way back to an entry: the common fields of each
 * candidate as the form edits them (gaps one per line as `key: text`), and the issues of an
 * entry's validation keyed by field path (`targets.0.fit`), so each is shown beside its field.
 */
import { catalogueEntrySchema } from "@/lib/catalogue/catalogue-schema";
import type { CatalogueEntry, Confidence, Fit } from "@/lib/catalogue/catalogue-types";

export interface TargetDraft {
  rank: string;
  fit: Fit;
  differs: string;
  gaps: string;
  confidence: Confidence;
}

export interface EntryDraft {
  targets: TargetDraft[];
}

export function draftOf(entry: CatalogueEntry): EntryDraft {
  return {
    targets: entry.targets.map((t) => ({
      rank: String(t.rank),
      fit: t.fit,
      differs: t.differs,
      gaps: t.gaps.map((g) => `${g.key}: ${g.text}`).join("\n"),
      confidence: t.confidence,
    })),
  };
}

function gapsOf(text: string): { key: string; text: string }[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const colon = line.indexOf(":");
      return colon < 0 ? { key: line, text: "" } : { key: line.slice(0, colon).trim(), text: line.slice(colon + 1).trim() };
    });
}

/** The entry with the draft's fields applied (everything else as it was). */
export function applyDraft(entry: CatalogueEntry, draft: EntryDraft): unknown {
  return {
    ...entry,
    targets: entry.targets.map((target, i) => {
      const d = draft.targets[i];
      if (!d) return target;
      const rank = /^\s*\d+\s*$/.test(d.rank) ? Number(d.rank) : d.rank;
      return { ...target, rank, fit: d.fit, differs: d.differs, gaps: gapsOf(d.gaps), confidence: d.confidence };
    }),
  };
}

/** Validates a candidate entry: the entry, or its problems by field path. */
export function validateEntry(value: unknown): { ok: true; entry: CatalogueEntry } | { ok: false; issues: Record<string, string> } {
  const result = catalogueEntrySchema.safeParse(value);
  if (result.success) return { ok: true, entry: result.data };
  const issues: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".") || "(entry)";
    issues[path] ??= issue.message.replace(/^Invalid input: /, "");
  }
  return { ok: false, issues };
}

/** The issues of one field (a path and everything under it), e.g. `targets.0.gaps` takes `targets.0.gaps.2.key`. */
export function issuesUnder(issues: Record<string, string>, path: string): string[] {
  return Object.entries(issues)
    .filter(([p]) => p === path || p.startsWith(`${path}.`))
    .map(([p, message]) => (p === path ? message : `${p.slice(path.length + 1)}: ${message}`));
}

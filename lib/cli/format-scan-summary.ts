import type { ScanResult } from "@/lib/cli/scan-command";

export interface ProblemGroup {
  code: string;
  /** The API operation, or when the problem names none, the collector it came from. */
  operation: string | null;
  count: number;
  regions: string[];
  /** The first problem's message; the others of the group usually say the same of another resource. */
  message: string;
  /** How many other distinct messages the group has. */
  otherMessages: number;
}

/** Problems grouped by code and operation, the largest group first. */
export function groupProblems(errors: ScanResult["errors"]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup & { messages: Set<string> }>();
  for (const e of errors) {
    const operation = e.operation ?? e.collector ?? null;
    const key = `${e.code}\n${operation ?? ""}`;
    let g = groups.get(key);
    if (!g) {
      g = { code: e.code, operation, count: 0, regions: [], message: e.message, otherMessages: 0, messages: new Set() };
      groups.set(key, g);
    }
    // A gap (a call that failed for many resources) arrives as one entry with its count and regions.
    g.count += e.count ?? 1;
    for (const region of e.regions ?? [e.region]) if (!g.regions.includes(region)) g.regions.push(region);
    g.messages.add(e.message);
  }
  return [...groups.values()]
    .map(({ messages, ...g }) => ({ ...g, regions: g.regions.sort(), otherMessages: messages.size - 1 }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code) || (a.operation ?? "").localeCompare(b.operation ?? ""));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/**
 * What the command line prints at the end without --json: the scan's status, resources per
 * region and kind, and its problems grouped by code and operation with a count, never one line
 * per problem and never a stack trace.
 */
export function formatScanSummary(result: ScanResult, options: { logFile: string | null }): string {
  const lines: string[] = [""];
  lines.push(`Scan ${result.scanId ?? "(not started)"}: ${result.status}`);
  for (const [region, byKind] of Object.entries(result.counts).sort(([a], [b]) => a.localeCompare(b))) {
    const kinds = Object.entries(byKind).filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b));
    const total = kinds.reduce((sum, [, n]) => sum + n, 0);
    lines.push(`  ${region}: ${plural(total, "resource")}`);
    for (const [kind, n] of kinds) lines.push(`    ${kind.padEnd(36)} ${n.toLocaleString("en")}`);
  }
  if (result.errors.length > 0) {
    const groups = groupProblems(result.errors);
    lines.push("");
    const total = groups.reduce((n, g) => n + g.count, 0);
    lines.push(groups.length === total ? `${plural(total, "problem")}:` : `${plural(total, "problem")} of ${plural(groups.length, "kind")}:`);
    const width = Math.max(...groups.map((g) => String(g.count).length));
    for (const g of groups) {
      const head = `${String(g.count).padStart(width)} × ${g.code}${g.operation ? ` · ${g.operation}` : ""}`;
      lines.push(`  ${head}  (${g.regions.join(", ")})`);
      const more = g.otherMessages > 0 ? ` (and ${plural(g.otherMessages, "other message")})` : "";
      const indent = `  ${" ".repeat(width + 3)}`;
      const text = g.count === 1 ? g.message.split("\n").map((l) => l.trim()).filter(Boolean) : [firstLine(g.message)];
      text.forEach((line, i) => lines.push(`${indent}${line}${i === text.length - 1 ? more : ""}`));
    }
  }
  if (options.logFile) {
    lines.push("");
    lines.push(`Log: ${options.logFile}`);
  }
  return `${lines.join("\n")}\n`;
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

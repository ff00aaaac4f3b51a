import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESS_MATRIX, EVERY_WHO, rowKey } from "./access-matrix";

/**
 * The hand-written access matrix names every server action, every method of every route handler
 * and every page there is: a new action file, route or page without a row fails here, before the
 * role-matrix end-to-end test could miss it.
 */
const root = process.cwd();

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel, match));
    else if (match(entry.name)) out.push(rel);
  }
  return out.sort();
}

function actionKeys(): string[] {
  const keys: string[] = [];
  for (const file of filesUnder("lib/actions", (n) => n.endsWith(".ts") && !n.endsWith(".test.ts"))) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    const names = [...text.matchAll(/^export\s+(?:const|async\s+function|function)\s+(\w+)/gm)].map((m) => m[1]!);
    // A file with no export would hide an action from this check: name it.
    if (names.length === 0) keys.push(`${file}#<no export found>`);
    for (const name of names) keys.push(`${file}#${name}`);
  }
  return keys;
}

function routeKeys(): string[] {
  const keys: string[] = [];
  for (const file of filesUnder("app/api", (n) => /^route\.(ts|tsx|js)$/.test(n))) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    const methods = [...text.matchAll(/^export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)].map((m) => m[1]!);
    const reexported = [...text.matchAll(/^export\s*\{([^}]*)\}/gm)].flatMap((m) => m[1]!.split(",").map((s) => s.trim().split(/\s+as\s+/).pop()!)).filter((n) => /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(n));
    for (const method of new Set([...methods, ...reexported])) keys.push(`${file} ${method}`);
  }
  return keys;
}

function pageKeys(): string[] {
  return filesUnder("app", (n) => /^page\.(tsx|ts|jsx|js)$/.test(n));
}

describe("the access matrix", () => {
  it("has a row for every server action in lib/actions", () => {
    const inMatrix = ACCESS_MATRIX.filter((r) => r.kind === "action").map(rowKey).sort();
    expect(inMatrix).toEqual(actionKeys().sort());
  });

  it("has a row for every method every route handler in app/api exports", () => {
    const inMatrix = [...new Set(ACCESS_MATRIX.filter((r) => r.kind === "route").map(rowKey))].sort();
    expect(inMatrix).toEqual(routeKeys().sort());
  });

  it("has a row for every page", () => {
    const inMatrix = ACCESS_MATRIX.filter((r) => r.kind === "page").map(rowKey).sort();
    expect(inMatrix).toEqual(pageKeys());
  });

  it("names only known callers, each once per row", () => {
    for (const row of ACCESS_MATRIX) {
      expect(row.allowed.filter((w) => !EVERY_WHO.includes(w)), rowKey(row)).toEqual([]);
      expect(new Set(row.allowed).size, rowKey(row)).toBe(row.allowed.length);
    }
  });
});

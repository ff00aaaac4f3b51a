import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every `npm run` entry that runs one of Silkroute's own files names a file that exists. */

const root = path.resolve(import.meta.dirname, "..");
const scripts = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("package.json scripts", () => {
  it("point at files that exist", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [name, command] of Object.entries(scripts)) {
      for (const match of command.matchAll(/\bnode\s+(\S+\.m?[jt]s)(?:\s+(\S+\.[jt]s))?/g)) {
        for (const file of [match[1], match[2]].filter((f): f is string => Boolean(f))) {
          checked++;
          if (!fs.existsSync(path.join(root, file))) missing.push(`${name}: ${file}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(8);
    expect(scripts.dev).toContain("scripts/dev.ts");
  });
});

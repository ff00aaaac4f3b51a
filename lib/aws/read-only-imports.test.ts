/**
 * The read-only rule, checked over the source tree: no file may import an AWS SDK command or
 * paginator whose operation is not a List, Describe or Get. The client factory also refuses such
 * commands at run time; this test catches them before they are ever written into a code path.
 *
 * Skipped: node_modules, build output, the stand-in AWS server (doubles, which implements the
 * write operations it serves), and the one test that proves the run-time guard refuses writes.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isReadOnlyOperation } from "@/lib/aws/is-read-only-operation";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED_DIRS = ["lib", "app", "components", "scripts"];
const SKIPPED_DIRS = new Set(["node_modules", ".next", "generated", "coverage"]);
const SKIPPED_PATHS = ["doubles/"];
/** Proves that factory clients refuse write commands, so it must import some. */
const ALLOWED_FILES = new Set(["lib/aws/create-client-factory.read-only.test.ts"]);

interface Violation {
  file: string;
  line: number;
  what: string;
}

const CLIENT_PACKAGE = String.raw`["'](@aws-sdk\/client-[\w-]+)["']`;
const NAMED_IMPORT = new RegExp(String.raw`(import|export)\s+(type\s+)?\{([^}]*)\}\s*from\s*${CLIENT_PACKAGE}`, "g");
const NAMESPACE_IMPORT = new RegExp(String.raw`(import|export)\s+\*\s+(as\s+\w+\s+)?from\s*${CLIENT_PACKAGE}`, "g");
const DYNAMIC_IMPORT = new RegExp(String.raw`(require|import)\s*\(\s*${CLIENT_PACKAGE}\s*\)`, "g");

/** Write imports found in one file's source. */
export function findWriteImports(source: string, file = "source.ts"): Violation[] {
  const violations: Violation[] = [];
  const lineOf = (index: number) => source.slice(0, index).split("\n").length;
  for (const match of source.matchAll(NAMED_IMPORT)) {
    if (match[2]) continue; // `import type { ... }` brings in no runtime command
    for (const specifier of (match[3] ?? "").split(",")) {
      const trimmed = specifier.trim();
      if (!trimmed || trimmed.startsWith("type ")) continue;
      const imported = trimmed.split(/\s+as\s+/)[0]?.trim() ?? "";
      const operation = imported.endsWith("Command")
        ? imported.slice(0, -"Command".length)
        : imported.startsWith("paginate")
          ? imported.slice("paginate".length)
          : undefined;
      if (operation !== undefined && !isReadOnlyOperation(operation)) {
        violations.push({ file, line: lineOf(match.index ?? 0), what: `${imported} from ${match[4]}` });
      }
    }
  }
  for (const match of [...source.matchAll(NAMESPACE_IMPORT), ...source.matchAll(DYNAMIC_IMPORT)]) {
    violations.push({
      file,
      line: lineOf(match.index ?? 0),
      what: `whole-module import of ${match[3] ?? match[2]} (import the read commands by name instead)`,
    });
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    const relative = path.relative(ROOT, full).split(path.sep).join("/");
    if (SKIPPED_DIRS.has(entry) || SKIPPED_PATHS.some((p) => `${relative}/`.startsWith(p))) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry) ? [relative] : [];
  });
}

describe("read-only AWS imports", () => {
  it("recognises write commands, paginators and whole-module imports", () => {
    // Package names are assembled so that this file's own text does not match the scan.
    const pkg = (service: string) => `"@aws-sdk/${"client"}-${service}"`;
    const source = [
      `import { ListThingsCommand, DeleteThingCommand as Remove, type UpdateThingCommand } from ${pkg("iot")};`,
      `import { paginateListBuckets, PutObjectCommand } from ${pkg("s3")};`,
      `import type { CreateTableCommand } from ${pkg("dynamodb")};`,
      `import * as sqs from ${pkg("sqs")};`,
      `const sns = await import(${pkg("sns")});`,
    ].join("\n");
    expect(findWriteImports(source).map((v) => `${v.line}: ${v.what}`)).toEqual([
      "1: DeleteThingCommand from @aws-sdk/client-iot",
      "2: PutObjectCommand from @aws-sdk/client-s3",
      "4: whole-module import of @aws-sdk/client-sqs (import the read commands by name instead)",
      "5: whole-module import of @aws-sdk/client-sns (import the read commands by name instead)",
    ]);
  });

  it("finds none in lib/, app/, components/ or scripts/", () => {
    const files = SCANNED_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(10);
    const violations = files
      .filter((file) => !ALLOWED_FILES.has(file))
      .flatMap((file) => findWriteImports(readFileSync(path.join(ROOT, file), "utf8"), file));
    expect(violations.map((v) => `${v.file}:${v.line} imports ${v.what}`)).toEqual([]);
  });
});

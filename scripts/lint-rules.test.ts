import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cruise } from "dependency-cruiser";
import { ESLint } from "eslint";

/**
 * The lint stage of `npm test` must be able to fail: each boundary rule and each of Silkroute's
 * own ESLint rules is shown a small project that breaks it, and must say so.
 */
const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const config = require(path.join(root, ".dependency-cruiser.cjs")) as { forbidden: unknown[]; options: Record<string, unknown> };

let dir: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "silkroute-lint-"));
  write("app/page.ts", 'export const page = 1;\n');
  write("components/widget.ts", 'import { page } from "../app/page";\nexport const widget = page;\n');
  write("lib/inventory/uses-app.ts", 'import { page } from "../../app/page";\nexport const x = page;\n');
  write("doubles/aws/estate.ts", 'export const estate = 1;\n');
  write("lib/inventory/uses-double.ts", 'import { estate } from "../../doubles/aws/estate";\nexport const y = estate;\n');
  write("lib/testing/fixture.ts", 'import { estate } from "../../doubles/aws/estate";\nexport const fixture = estate;\n');
  write("doubles/aws/uses-product.ts", 'import { y } from "../../lib/inventory/uses-double";\nexport const z = y;\n');
  write("lib/a.ts", 'import { b } from "./b";\nexport const a = () => b();\n');
  write("lib/b.ts", 'import { a } from "./a";\nexport const b = () => a();\n');
  write("lib/uses-e2e.ts", 'import { spec } from "../e2e/spec";\nexport const w = spec;\n');
  write("e2e/spec.ts", 'export const spec = 1;\n');
  write("lib/aws/collectors/things.plan.ts", 'export const thingsPlan = { id: "iot.things" };\n');
  write("lib/aws/collectors/things.ts", 'import { thingsPlan } from "./things.plan";\nexport const things = { ...thingsPlan, run: () => 1 };\n');
  write("lib/inventory/start-scan.ts", 'import { thingsPlan } from "../aws/collectors/things.plan";\nexport const plan = thingsPlan;\n');
  write("lib/inventory/queue-scan.ts", 'import { plan } from "./start-scan";\nimport { things } from "../aws/collectors/things";\nexport const q = [plan, things];\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the import boundaries (dependency-cruiser)", () => {
  it("catch every kind of violation they name, and leave test support alone", async () => {
    const { tsConfig: _tsConfig, ...options } = config.options;
    const result = await cruise(["app", "components", "lib", "doubles", "e2e"], {
      ...options,
      baseDir: dir,
      validate: true,
      ruleSet: { forbidden: config.forbidden } as never,
    });
    const output = result.output as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
    const found = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    expect(found).toEqual(
      expect.arrayContaining([
        "components-not-app: components/widget.ts -> app/page.ts",
        "lib-not-app: lib/inventory/uses-app.ts -> app/page.ts",
        "product-not-doubles: lib/inventory/uses-double.ts -> doubles/aws/estate.ts",
        "doubles-not-product: doubles/aws/uses-product.ts -> lib/inventory/uses-double.ts",
        "product-not-tests: lib/uses-e2e.ts -> e2e/spec.ts",
        "no-cycles: lib/a.ts -> lib/b.ts",
        "queueing-loads-no-collector: lib/inventory/queue-scan.ts -> lib/aws/collectors/things.ts",
      ]),
    );
    // A collector's plan is what planning may read.
    expect(found.filter((f) => f.startsWith("queueing-loads-no-collector: lib/inventory/start-scan.ts"))).toEqual([]);
    expect(found.filter((f) => f.includes("lib/testing/fixture.ts"))).toEqual([]);
  }, 60_000);
});

describe("Silkroute's own ESLint rules", () => {
  const eslint = new ESLint({ cwd: root });
  const lint = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath: path.join(root, filePath) }))[0]!.messages.map((m) => m.ruleId);

  it("refuse components/ importing app/", async () => {
    expect(await lint("components/probe/widget.tsx", 'import { GET } from "@/app/api/health/route";\nexport const x = GET;\n')).toContain("no-restricted-imports");
  });

  it("refuse reading process.env outside lib/env.ts", async () => {
    expect(await lint("lib/probe/read-setting.ts", "export const port = process.env.PORT;\n")).toContain("no-restricted-syntax");
    expect(await lint("lib/env.ts", "export const port = process.env.PORT;\n")).not.toContain("no-restricted-syntax");
  });

  it("check the rules of hooks in React code", async () => {
    const code = 'import { useState } from "react";\nexport function Probe({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n';
    expect(await lint("components/probe/probe.tsx", code)).toContain("react-hooks/rules-of-hooks");
  });
});

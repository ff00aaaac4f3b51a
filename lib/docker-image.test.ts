import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The production image (Dockerfile) is built from the repository minus .dockerignore. Docker does
 * not run on the machines that test Silkroute, so this checks the two facts the image relies on:
 * the stand-ins and tests are left out, and nothing the image runs imports them (the import
 * boundary itself is checked by dependency-cruiser in `npm run lint`).
 */
const root = path.resolve(import.meta.dirname, "..");
const ignored = fs
  .readFileSync(path.join(root, ".dockerignore"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));

describe("the production image", () => {
  it("leaves out the cloud stand-ins, the end-to-end tests, test support and the demo and benchmark launchers", () => {
    for (const entry of ["doubles", "e2e", "lib/testing", "**/*.test.ts", "scripts/demo.ts", "scripts/bench.ts"]) expect(ignored).toContain(entry);
  });

  it("starts only entry points that are in the image", () => {
    const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
    const compose = fs.readFileSync(path.join(root, "docker-compose.yml"), "utf8");
    const entries = [...`${dockerfile}\n${compose}`.matchAll(/bin\/run\.mjs["',\s]+([\w/.-]+\.ts)/g)].map((m) => m[1]!);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(fs.existsSync(path.join(root, entry)), entry).toBe(true);
      expect(ignored.some((i) => entry === i || entry.startsWith(`${i}/`)), entry).toBe(false);
    }
  });
});

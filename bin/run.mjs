#!/usr/bin/env node
// Runs one of Silkroute's TypeScript entry points (scripts, the worker) on plain Node.js:
// `node bin/run.mjs scripts/demo.ts [args...]`.
import { register } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

register("./server-only-hook.mjs", import.meta.url);
const { register: registerTsx } = await import("tsx/esm/api");
registerTsx();

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node bin/run.mjs <file.ts> [args...]");
  process.exit(64);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.argv = [process.argv[0], path.resolve(root, entry), ...rest];
await import(pathToFileURL(path.resolve(root, entry)).href);

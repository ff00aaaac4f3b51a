#!/usr/bin/env -S node --max-old-space-size=384
// The `silkroute` command line: the same scans as the app, without a browser.
import { register } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

register("./server-only-hook.mjs", import.meta.url);
const { register: registerTsx } = await import("tsx/esm/api");
registerTsx();

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { main } = await import(pathToFileURL(path.join(root, "lib/cli/main.ts")).href);
process.exitCode = await main(process.argv.slice(2));

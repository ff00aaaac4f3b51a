// Generates the Prisma client after `npm install` without downloading Prisma's native schema
// engine: `generate` does not need it, but the CLI tries to fetch it unless told where it is.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const placeholder = ["/bin/true", "/usr/bin/true"].find((p) => existsSync(p));
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && placeholder) env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);

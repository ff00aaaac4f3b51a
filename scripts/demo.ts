import { spawnSync } from "node:child_process";
import { env } from "@/lib/env";
import { launchInstallation } from "@/lib/launcher/launch-installation";
import { DEMO_PASSWORD, ensureDemoUsers } from "@/lib/users/ensure-demo-users";
import { seedDemoEstate } from "@/scripts/demo/seed-demo-estate";

/**
 * `npm run demo`: builds for production, prepares the embedded database, creates one user per
 * role, starts a stand-in AWS with a sample IoT estate and a connection to it, then runs the web
 * app and a worker, and prints where to sign in.
 */
const started = Date.now();
console.log("Silkroute demo: building for production (next build)…");
const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
if (build.status !== 0) {
  console.error("The production build failed; see above.");
  process.exit(1);
}
let users: Awaited<ReturnType<typeof ensureDemoUsers>> = [];
let summary: string[] = [];
await launchInstallation({
  prepare: async () => {
    users = await ensureDemoUsers();
    const estate = await seedDemoEstate();
    summary = estate.summary;
    return { childEnv: estate.childEnv, stop: () => estate.stop() };
  },
  ready: () => {
    const config = env();
    const seconds = Math.round((Date.now() - started) / 1000);
    const width = Math.max(...users.map((u) => u.email.length));
    return [
      "",
      `  Silkroute is ready at ${config.baseUrl}   (started in ${seconds} s)`,
      "",
      `  Sign in with any of these accounts; the password is "${DEMO_PASSWORD}" for all:`,
      ...users.map((u) => `    ${u.email.padEnd(width)}   ${u.role}`),
      "",
      ...summary,
      `  Data folder: ${config.embedded ? config.dataDir : "(DATABASE_URL)"}   ·   Stop with Ctrl+C.`,
      "",
    ].join("\n");
  },
});

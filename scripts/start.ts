import fs from "node:fs";
import { env } from "@/lib/env";
import { launchInstallation } from "@/lib/launcher/launch-installation";

/**
 * `npm start`: runs a production build on this machine: the embedded database (unless
 * DATABASE_URL is set), the web server on PORT and one worker.
 */
if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("There is no production build yet: run `npm run build` first (or `npm run demo`).");
  process.exit(1);
}
await launchInstallation({ firstAdmin: true, ready: () => `Silkroute is running at ${env().baseUrl}` });

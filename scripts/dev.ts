import { env } from "@/lib/env";
import { launchInstallation } from "@/lib/launcher/launch-installation";

/**
 * `npm run dev`: Silkroute for development on this machine: the embedded database (unless
 * DATABASE_URL is set), the Next.js development server on PORT (no build needed, pages compile
 * on first request and reload on change) and one worker. As `npm start`, but without a build.
 */
await launchInstallation({ dev: true, firstAdmin: true, ready: () => `Silkroute (development) is running at ${env().baseUrl}` });

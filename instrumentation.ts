/**
 * Runs once when the Next.js server starts: validates the configuration, opens (or connects to)
 * the database and applies pending migrations. Any failure stops the server with a clear
 * message rather than serving pages that cannot work.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("@/lib/start-server-process");
  await startServerProcess("web");
}

import http from "node:http";
import next from "next";
import { env } from "@/lib/env";

/**
 * Silkroute's web server: Next.js behind a plain Node HTTP server that sets
 * x-forwarded-for from the socket (or, with SILKROUTE_TRUST_PROXY, keeps the value the proxy in
 * front set), so sign-in rate limits and the audit log see the real client address and a
 * client cannot forge it.
 */
const config = env();
/** `npm run dev` starts it with --dev: Next.js in development mode, compiling pages on demand. */
const dev = process.argv.includes("--dev");
const app = next({ dev, dir: process.cwd(), port: config.PORT, hostname: "0.0.0.0" });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  const socketAddress = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  const forwarded = req.headers["x-forwarded-for"];
  const fromProxy = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  req.headers["x-forwarded-for"] = config.SILKROUTE_TRUST_PROXY && fromProxy ? fromProxy : socketAddress;
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(config.PORT, () => {
  process.send?.({ type: "listening", port: config.PORT });
});
const close = () => server.close();
process.once("SIGTERM", close);
process.once("SIGINT", close);

import http from "node:http";
import next from "next";
import { env, isLoopbackHost } from "@/lib/env";
import { parseForwardedFor, pickClientAddress } from "@/lib/net/resolve-client-address";

/**
 * Silkroute's production web server: Next.js behind a plain Node HTTP server. It is where the
 * client's address is decided, once: the X-Forwarded-For chain with the socket's address appended,
 * read SILKROUTE_TRUSTED_PROXIES entries from the right (lib/net/resolve-client-address.ts); the
 * app then sees that one address in X-Forwarded-For, so sign-in limits and the audit log see the
 * real client and a client cannot forge it.
 */
const config = env();
for (const warning of config.warnings) console.warn(`\nWarning: ${warning}\n`);
/** `npm run dev` starts it with --dev: Next.js in development mode, compiling pages on demand. */
const dev = process.argv.includes("--dev");
const app = next({ dev, dir: process.cwd(), port: config.PORT, hostname: "0.0.0.0" });
await app.prepare();
const handle = app.getRequestHandler();

const warnedHosts = new Set<string>();

/** Without SILKROUTE_URL only loopback addresses can sign in: say so once per other address the app is reached at. */
function warnAboutHost(hostHeader: string | undefined) {
  if (config.SILKROUTE_URL || !hostHeader || warnedHosts.size > 20 || warnedHosts.has(hostHeader)) return;
  let hostname: string;
  try {
    hostname = new URL(`http://${hostHeader}`).hostname;
  } catch {
    return;
  }
  if (isLoopbackHost(hostname)) return;
  warnedHosts.add(hostHeader);
  console.warn(
    `\nWarning: Silkroute was reached at http://${hostHeader}, but without SILKROUTE_URL it accepts sign-in only at ${config.trustedOrigins.join(", ")}. ` +
      `To serve it at another address, set SILKROUTE_URL to that address, preferably https behind a proxy that terminates TLS: over plain http, passwords and session cookies cross the network unencrypted.\n`,
  );
}

const server = http.createServer((req, res) => {
  const chain = [...parseForwardedFor(req.headers["x-forwarded-for"]), req.socket.remoteAddress ?? ""];
  const client = pickClientAddress(chain, config.trustedProxies);
  if (client) req.headers["x-forwarded-for"] = client;
  else delete req.headers["x-forwarded-for"];
  warnAboutHost(req.headers.host);
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;

/** Every interface, IPv6 and IPv4 (so http://[::1] works as well as http://127.0.0.1); IPv4 only where IPv6 is off. */
function listen(host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      reject(err);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(config.PORT, host);
  });
}
try {
  await listen("::");
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  if (code !== "EAFNOSUPPORT" && code !== "EADDRNOTAVAIL") throw err;
  await listen("0.0.0.0");
}
process.send?.({ type: "listening", port: config.PORT });
const close = () => server.close();
process.once("SIGTERM", close);
process.once("SIGINT", close);

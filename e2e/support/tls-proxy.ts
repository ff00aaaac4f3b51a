/**
 * A TLS-terminating reverse proxy for the end-to-end tests, as nginx or a load balancer would be
 * in front of Silkroute: it serves https on `port` with a throw-away self-signed certificate,
 * appends the address of its client to X-Forwarded-For (keeping what the client sent before it),
 * and forwards to the web server from its own address (127.0.0.2), so the web server's socket
 * shows the proxy, not the client.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";

export const PROXY_SOURCE_ADDRESS = "127.0.0.2";

export function createTestCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = path.join(dir, "tls-key.pem");
  const cert = path.join(dir, "tls-cert.pem");
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
      { stdio: "pipe" },
    );
  } catch (err) {
    throw new Error(`The end-to-end tests need openssl to make a test certificate (apt-get install openssl): ${(err as Error).message}`);
  }
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/** Starts the proxy on a free port of 127.0.0.1 and answers which. */
export async function startTlsProxy(options: { upstreamPort: number; dir: string }): Promise<{ port: number; stop(): Promise<void> }> {
  const server = https.createServer(createTestCertificate(options.dir), (req, res) => {
    const client = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
    const before = req.headers["x-forwarded-for"];
    const forwarded = [...(Array.isArray(before) ? before : before ? [before] : []), client].join(", ");
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: options.upstreamPort,
        localAddress: PROXY_SOURCE_ADDRESS,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": forwarded, "x-forwarded-proto": "https" },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as import("node:net").AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

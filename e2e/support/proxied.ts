import fs from "node:fs";
import https from "node:https";
import { expect, type Browser, type BrowserContext } from "@playwright/test";
import { PROXIED_FILE } from "@/e2e/support/constants";

/** The proxied server's address (SILKROUTE_URL) and the proxy's port, as the test server wrote them. */
export function proxied(): { url: string; port: number } {
  return JSON.parse(fs.readFileSync(PROXIED_FILE, "utf8")) as { url: string; port: number };
}

/** Waits until the proxied web server answers (it may start after the main one). */
export async function waitForProxiedServer(): Promise<void> {
  await expect
    .poll(async () => (await fetchThroughProxy({ path: "/api/health", method: "GET" }).catch(() => ({ status: 0 }))).status, { timeout: 180_000, intervals: [1000] })
    .toBe(200);
}

/** A browser context for the proxied server (its certificate is a throw-away one). */
export function proxiedContext(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ baseURL: proxied().url, ignoreHTTPSErrors: true, ...options });
}

/**
 * A request to the proxied server from a chosen loopback address (127.0.0.x), as another client
 * machine would reach the proxy; `forwardedFor` is what that client claims in X-Forwarded-For.
 */
export function fetchThroughProxy(options: {
  path: string;
  method?: string;
  from?: string;
  forwardedFor?: string;
  body?: unknown;
  host?: string;
}): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = https.request(
      {
        host: "127.0.0.1",
        port: proxied().port,
        path: options.path,
        method: options.method ?? "POST",
        localAddress: options.from ?? "127.0.0.1",
        rejectUnauthorized: false,
        headers: {
          host: `${options.host ?? "localhost"}:${proxied().port}`,
          origin: proxied().url,
          ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}),
          ...(options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {}),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => {
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

import { isIP } from "node:net";

/**
 * Which address a request came from. X-Forwarded-For is a chain that each proxy appends its
 * peer's address to; its left-most entries are whatever the client sent, so only the entries the
 * trusted proxies wrote count. With N trusted proxies in front of Silkroute and the web server's
 * own peer (the socket) appended last, the client is the entry N places from the right:
 *
 *   client ─▶ proxy 1 ─▶ proxy 2 ─▶ web server
 *   X-Forwarded-For as the web server sees it, socket appended:  forged…, client, proxy 1, proxy 2
 *                                                                         N=2 ──┘
 *
 * A chain shorter than that (a request that did not pass every proxy) yields its left-most entry,
 * which is then as close to the socket as the chain goes. An entry that is not an IP address
 * (a misconfigured proxy) is skipped towards the right, never to the left.
 */

/** The entries of X-Forwarded-For header values, left to right. */
export function parseForwardedFor(value: string | string[] | null | undefined): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** An address as the audit log and the rate limits key it: no port, no brackets, IPv4 not mapped into IPv6. */
export function normaliseAddress(entry: string): string | null {
  let a = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/%[\w.-]+$/, ""); // an IPv6 zone
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(a)) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : null;
}

/** The client's address from a chain (socket last), trusting `trustedHops` entries from the right. */
export function pickClientAddress(chain: string[], trustedHops: number): string | null {
  if (chain.length === 0) return null;
  const start = Math.max(0, chain.length - 1 - Math.max(0, Math.floor(trustedHops)));
  for (let i = start; i < chain.length; i++) {
    const address = normaliseAddress(chain[i]!);
    if (address) return address;
  }
  return null;
}

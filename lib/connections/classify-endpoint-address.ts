import net from "node:net";

/**
 * What kind of address a connection's custom endpoint points at, for the endpoint rules
 * (check-endpoint-url.ts):
 * - `metadata`: a cloud instance-metadata or credentials service (AWS IMDS and ECS/EKS credential
 *   endpoints, Alibaba Cloud's, Oracle's...): never, whatever the settings;
 * - `link-local`: 169.254.0.0/16, fe80::/10: never;
 * - `reserved`: multicast, broadcast and reserved ranges, which no AWS-compatible API lives at: never;
 * - `loopback`: 127.0.0.0/8, ::1, 0.0.0.0/8 and :: (which reach this host): only when allowed;
 * - `private`: 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7: only when allowed;
 * - `public`: anything else.
 * IPv4 addresses written the legacy ways (2852039166, 0xA9FEA9FE, 0251.0376.0251.0376,
 * 169.254.43518) and IPv6 forms that carry an IPv4 address (::ffff:a.b.c.d, ::a.b.c.d, NAT64
 * 64:ff9b::/96, 6to4 2002::/16) are judged by the IPv4 address they reach; an IPv6 zone id
 * (fe80::1%eth0) is ignored for the judgement.
 */
export type AddressClass = "metadata" | "link-local" | "reserved" | "loopback" | "private" | "public";

/** Host names of metadata services; refused before any DNS lookup. */
const METADATA_NAMES = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
  "metadata.tencentyun.com",
  "metadata.azure.com",
]);

/** Metadata and credential services at addresses outside the link-local ranges (or well known within them). */
const METADATA_V4 = new Set([
  "169.254.169.254", // AWS, GCP, Azure, OCI, DigitalOcean... instance metadata
  "169.254.170.2", // ECS task credentials
  "169.254.170.23", // EKS Pod Identity
  "169.254.169.253", // Amazon DNS
  "169.254.169.123", // Amazon Time Sync
  "100.100.100.200", // Alibaba Cloud instance metadata
  "192.0.0.192", // Oracle Cloud (classic) metadata
]);
const METADATA_V6 = ["fd00:ec2::254", "fd00:ec2::23", "fd00:ec2::253", "fd00:ec2::123"].map((a) => ipv6ToBigInt(a)!);

/** A host name (not an address) that names a metadata service. */
export function isMetadataHostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, "");
  return METADATA_NAMES.has(name);
}

/** The address of an IP literal as a host: dotted-quad, legacy IPv4 forms, IPv6 (with or without brackets and a zone id). */
export function parseIpLiteral(host: string): { family: 4; value: number } | { family: 6; value: bigint } | null {
  let text = host.trim();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  const zone = text.indexOf("%");
  if (zone !== -1 && text.includes(":")) text = text.slice(0, zone);
  if (text.includes(":")) {
    const value = ipv6ToBigInt(text);
    return value === null ? null : { family: 6, value };
  }
  const value = parseIpv4Loose(text);
  return value === null ? null : { family: 4, value };
}

/**
 * IPv4 as inet_aton and the URL standard read it: one to four parts, each decimal, octal
 * (leading 0) or hexadecimal (0x), the last part filling the remaining bytes.
 */
export function parseIpv4Loose(text: string): number | null {
  if (!/^[0-9a-fA-Fx.]+$/.test(text)) return null;
  const parts = text.endsWith(".") ? text.slice(0, -1).split(".") : text.split(".");
  if (parts.length === 0 || parts.length > 4 || parts.some((p) => p === "")) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(part)) n = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) n = parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) n = Number(part);
    else return null;
    if (!Number.isFinite(n)) return null;
    numbers.push(n);
  }
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255)) return null;
  if (last >= 256 ** (4 - numbers.length)) return null;
  let value = last;
  numbers.forEach((n, i) => (value += n * 256 ** (3 - i)));
  return value >>> 0;
}

function ipv6ToBigInt(text: string): bigint | null {
  if (!net.isIPv6(text)) return null;
  let head = text;
  let tailV4: number | null = null;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    tailV4 = parseIpv4Loose(text.slice(lastColon + 1));
    if (tailV4 === null) return null;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [left, right] = head.includes("::") ? head.split("::") : [head, undefined];
  const leftGroups = left ? left.split(":") : [];
  const rightGroups = right ? right.split(":") : [];
  const missing = 8 - leftGroups.length - rightGroups.length;
  const groups = right === undefined ? leftGroups : [...leftGroups, ...Array<string>(missing).fill("0"), ...rightGroups];
  if (groups.length !== 8) return null;
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(parseInt(g || "0", 16));
  if (tailV4 !== null) value = (value & ~0xffffffffn) | BigInt(tailV4);
  return value;
}

const v4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
const inV4 = (value: number, base: number, bits: number) => bits === 0 || value >>> (32 - bits) === base >>> (32 - bits);
const inV6 = (value: bigint, base: bigint, bits: number) => value >> BigInt(128 - bits) === base >> BigInt(128 - bits);

export function classifyIpv4(value: number): AddressClass {
  const dotted = [24, 16, 8, 0].map((s) => (value >>> s) & 255).join(".");
  if (METADATA_V4.has(dotted)) return "metadata";
  if (inV4(value, v4(169, 254, 0, 0), 16)) return "link-local";
  if (inV4(value, v4(127, 0, 0, 0), 8) || inV4(value, v4(0, 0, 0, 0), 8)) return "loopback";
  if (inV4(value, v4(10, 0, 0, 0), 8) || inV4(value, v4(172, 16, 0, 0), 12) || inV4(value, v4(192, 168, 0, 0), 16) || inV4(value, v4(100, 64, 0, 0), 10)) {
    return "private";
  }
  if (inV4(value, v4(224, 0, 0, 0), 4) || inV4(value, v4(240, 0, 0, 0), 4)) return "reserved";
  return "public";
}

export function classifyIpv6(value: bigint): AddressClass {
  if (METADATA_V6.includes(value)) return "metadata";
  const high96 = value >> 32n;
  const low32 = Number(value & 0xffffffffn);
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach an IPv4 address.
  if (high96 === 0xffffn || (high96 === 0n && low32 > 1) || high96 === 0x0064ff9b0000000000000000n) return classifyIpv4(low32);
  // 6to4 (2002:a.b.c.d::/48) routes to the IPv4 address in its bits 16-47.
  if (value >> 112n === 0x2002n) return classifyIpv4(Number((value >> 80n) & 0xffffffffn));
  if (value === 1n || value === 0n) return "loopback";
  if (inV6(value, 0xfe80n << 112n, 10)) return "link-local";
  if (inV6(value, 0xfc00n << 112n, 7)) return "private";
  if (inV6(value, 0xff00n << 112n, 8)) return "reserved";
  return "public";
}

/** The class of an IP address literal, or null when `host` is not one (a DNS name). */
export function classifyAddress(host: string): AddressClass | null {
  const ip = parseIpLiteral(host);
  if (!ip) return null;
  return ip.family === 4 ? classifyIpv4(ip.value) : classifyIpv6(ip.value);
}

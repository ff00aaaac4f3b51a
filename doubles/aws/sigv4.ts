/**
 * Verifies AWS Signature Version 4 on incoming requests, the way AWS does: the canonical request
 * is rebuilt from what arrived on the wire (method, path, query, the signed headers, the payload
 * hash) and signed again with the secret key of the access key named in the credential scope.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export interface ParsedAuthorization {
  accessKeyId: string;
  /** yyyymmdd from the credential scope. */
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  scope: string;
}

const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/;

export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header) return null;
  const m = AUTH_PATTERN.exec(header);
  if (!m) return null;
  const [, accessKeyId, date, region, service, signedHeaders, signature] = m as unknown as [string, string, string, string, string, string, string];
  return {
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: signedHeaders.split(";"),
    signature,
    scope: `${date}/${region}/${service}/aws4_request`,
  };
}

/** encodeURIComponent plus the characters RFC 3986 reserves and JavaScript leaves alone. */
export function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalPath(rawPath: string, s3: boolean): string {
  if (s3) return rawPath;
  // every service but S3 normalises the path and encodes it a second time
  const segments: string[] = [];
  for (const segment of rawPath.split("/")) {
    if (segment.length === 0 || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const normalized = `${rawPath.startsWith("/") ? "/" : ""}${segments.join("/")}${segments.length > 0 && rawPath.endsWith("/") ? "/" : ""}`;
  return escapeUri(normalized).replace(/%2F/g, "/");
}

function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return "";
  const byKey = new Map<string, string[]>();
  for (const part of rawQuery.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const key = decodeURIComponent(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? "" : decodeURIComponent(part.slice(eq + 1));
    if (key.toLowerCase() === "x-amz-signature") continue;
    const encodedKey = escapeUri(key);
    const pairs = byKey.get(encodedKey) ?? [];
    pairs.push(`${encodedKey}=${escapeUri(value)}`);
    byKey.set(encodedKey, pairs);
  }
  return [...byKey.keys()]
    .sort()
    .map((k) => (byKey.get(k) as string[]).sort().join("&"))
    .join("&");
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  let value = headers[name];
  if (value === undefined && name === "host") value = headers[":authority"];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(",") : value;
}

const signingKeys = new Map<string, Buffer>();

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const cacheKey = `${secret}\u0000${date}\u0000${region}\u0000${service}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    const kDate = createHmac("sha256", `AWS4${secret}`).update(date).digest();
    const kRegion = createHmac("sha256", kDate).update(region).digest();
    const kService = createHmac("sha256", kRegion).update(service).digest();
    key = createHmac("sha256", kService).update("aws4_request").digest();
    if (signingKeys.size > 1000) signingKeys.clear();
    signingKeys.set(cacheKey, key);
  }
  return key;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export interface SignedRequest {
  method: string;
  /** Path exactly as it arrived (still percent-encoded), without the query string. */
  rawPath: string;
  /** Query string exactly as it arrived, without the "?". */
  rawQuery: string;
  headers: Record<string, string | string[] | undefined>;
  /** Hex SHA-256 of the payload, or the literal the client signed (UNSIGNED-PAYLOAD). */
  payloadHash: string;
  /** S3 signs the path as sent; every other service normalises and double-encodes it. */
  s3: boolean;
}

export function expectedSignature(request: SignedRequest, auth: ParsedAuthorization, secretAccessKey: string): string | null {
  const amzDate = headerValue(request.headers, "x-amz-date");
  if (!amzDate || !amzDate.startsWith(auth.date)) return null;
  let query: string;
  try {
    query = canonicalQuery(request.rawQuery);
  } catch {
    return null;
  }
  const lines: string[] = [];
  for (const name of auth.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) return null;
    lines.push(`${name}:${value.replace(/[\r\n]/g, " ").replace(/[ \t]+/g, " ").replace(/^ | $/g, "")}`);
  }
  const canonicalRequest = [
    request.method,
    canonicalPath(request.rawPath, request.s3),
    query,
    lines.join("\n"),
    "",
    auth.signedHeaders.join(";"),
    request.payloadHash,
  ].join("\n");
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, auth.scope, sha256Hex(canonicalRequest)].join("\n");
  return createHmac("sha256", signingKey(secretAccessKey, auth.date, auth.region, auth.service)).update(stringToSign).digest("hex");
}

export function verifySignature(request: SignedRequest, auth: ParsedAuthorization, secretAccessKey: string): boolean {
  const expected = expectedSignature(request, auth, secretAccessKey);
  if (!expected) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature));
}

/**
 * The stand-in AWS: one local HTTP port that answers the real AWS SDK v3 clients for IoT Core and
 * the services around it, over their real wire protocols, from a generated estate. Requests are
 * routed by the service in their SigV4 credential scope, authenticated like AWS does, held to the
 * default rate quotas, and can be made to fail on purpose (see faults.ts and README.md).
 *
 * HTTP/1.1 and cleartext HTTP/2 (prior knowledge, as the SDK's default Kinesis handler opens it)
 * share the port, or, with `http2: false`, HTTP/1.1 only: an HTTP/2 preface is refused, as
 * HTTP/1.1-only AWS-compatible endpoints refuse it.
 */
import http, { type IncomingHttpHeaders } from "node:http";
import http2 from "node:http2";
import net from "node:net";
import { randomBytes } from "node:crypto";
import type { Estate } from "./estate-types";
import { EstateIndex } from "./estate-index";
import { FaultInjector, validateFaultConfig, type FaultAnswer, type FaultConfig } from "./faults";
import { AwsError, errorReply, newRequestId, type Reply } from "./protocol";
import { QuotaLimiter, type QuotaMode } from "./quota-limiter";
import { SERVICES_BY_SIGNING_NAME } from "./service-registry";
import type { CallContext, CallerIdentity, IncomingCall, IssuedCredentials, ServiceDefinition } from "./service-types";
import { serviceError } from "./service-types";
import { parseAuthorization, sha256Hex, verifySignature } from "./sigv4";

export type { FaultConfig, FaultRule } from "./faults";
export type { QuotaMode } from "./quota-limiter";

/** AWS's documentation example key pair: accepted by the stand-in when no credentials are given. */
export const DEFAULT_CREDENTIALS = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
} as const;

export interface StandInCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry this session token. */
  sessionToken?: string;
  /** Requests signed with this key are answered as if its session had expired. */
  expired?: boolean;
  /** Caller ARN reported by GetCallerIdentity; default arn:aws:iam::<account>:user/silkroute-scanner. */
  arn?: string;
}

export interface AssumableRole {
  roleArn: string;
  /** When set, AssumeRole must present exactly this ExternalId. */
  externalId?: string;
}

export interface AwsStandInOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  estate: Estate;
  /** "default" (the default) enforces AWS's published defaults (aws-published-quotas.ts); "off" disables; a record overrides rates. */
  quotas?: QuotaMode;
  faults?: FaultConfig;
  /** Accepted credentials; default: DEFAULT_CREDENTIALS. */
  credentials?: StandInCredential[];
  /** Roles STS AssumeRole may hand out credentials for; default none. */
  roles?: AssumableRole[];
  /** Opt-in regions that are not enabled: every call there is refused as AWS refuses it. */
  disabledRegions?: string[];
  /** Answer S3 bucket calls signed for the wrong region with a PermanentRedirect, as S3 does. Default true. */
  strictS3Regions?: boolean;
  /**
   * Accept cleartext HTTP/2 (prior knowledge) next to HTTP/1.1. Default true. With false the
   * server speaks HTTP/1.1 only and refuses an HTTP/2 preface (counted in stats().http2Refused).
   */
  http2?: boolean;
  /**
   * The address Timestream's DescribeEndpoints answers. Default: the host the request came to, so
   * a client that follows endpoint discovery stays on the stand-in. AWS answers a host of its own
   * (ingest.timestream.<region>.amazonaws.com), and so do emulators that copy it.
   */
  timestreamDiscoveryAddress?: string;
}

export interface OperationStats {
  calls: number;
  throttles: number;
  faults: number;
  errors: number;
}

export interface Stats extends OperationStats {
  /** Keyed "service:Operation", e.g. "iot:ListThings". */
  byOperation: Record<string, OperationStats>;
  /** Connections that opened with an HTTP/2 preface and were refused (HTTP/1.1-only mode). */
  http2Refused: number;
}

export interface AwsStandIn {
  url: string;
  port: number;
  estate: Estate;
  stop(): Promise<void>;
  stats(): Stats;
  resetStats(): void;
  setFaults(faults: FaultConfig): void;
}

interface StoredCredential {
  secretAccessKey: string;
  sessionToken?: string;
  expired?: boolean;
  /** Epoch milliseconds, for credentials the server issued. */
  expiresAt?: number;
  identity: CallerIdentity;
}

type AnyRequest = http.IncomingMessage | http2.Http2ServerRequest;
type AnyResponse = http.ServerResponse | http2.Http2ServerResponse;

const MAX_BODY = 5 * 1024 * 1024;

export async function startAwsStandIn(options: AwsStandInOptions): Promise<AwsStandIn> {
  const estate = options.estate;
  const accountId = estate.accountId;
  const estateIndex = new EstateIndex(estate);
  const limiter = new QuotaLimiter(options.quotas ?? "default");
  const faults = new FaultInjector(options.faults);
  const disabledRegions = new Set(options.disabledRegions ?? []);
  const roles = options.roles ?? [];
  const strictS3Regions = options.strictS3Regions ?? true;

  const credentials = new Map<string, StoredCredential>();
  for (const c of options.credentials ?? [DEFAULT_CREDENTIALS]) {
    credentials.set(c.accessKeyId, {
      secretAccessKey: c.secretAccessKey,
      sessionToken: "sessionToken" in c ? c.sessionToken : undefined,
      expired: "expired" in c ? c.expired : undefined,
      identity: {
        accessKeyId: c.accessKeyId,
        accountId,
        arn: ("arn" in c ? c.arn : undefined) ?? `arn:aws:iam::${accountId}:user/silkroute-scanner`,
        userId: `AIDA${sha256Hex(c.accessKeyId).slice(0, 17).toUpperCase()}`,
      },
    });
  }

  let stats = newStats();
  const timers = new Set<NodeJS.Timeout>();

  function count(key: string, field: keyof OperationStats): void {
    stats[field]++;
    const op = (stats.byOperation[key] ??= { calls: 0, throttles: 0, faults: 0, errors: 0 });
    op[field]++;
  }

  function issueCredentials(roleArn: string, sessionName: string, durationSeconds: number): IssuedCredentials {
    const accessKeyId = `ASIA${randomBytes(12).toString("base64").replace(/[^A-Z0-9]/gi, "").toUpperCase().padEnd(16, "X").slice(0, 16)}`;
    const secretAccessKey = randomBytes(30).toString("base64");
    const sessionToken = `IQoJb3JpZ2luX2Vj${randomBytes(180).toString("base64")}`;
    const expiration = Date.now() + durationSeconds * 1000;
    const roleName = roleArn.split("/").pop() as string;
    const identity: CallerIdentity = {
      accessKeyId,
      accountId,
      arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
      userId: `AROA${sha256Hex(roleArn).slice(0, 17).toUpperCase()}:${sessionName}`,
    };
    credentials.set(accessKeyId, { secretAccessKey, sessionToken, expiresAt: expiration, identity });
    return { accessKeyId, secretAccessKey, sessionToken, expiration: Math.floor(expiration / 1000), assumedRoleId: identity.userId, assumedRoleArn: identity.arn };
  }

  function canAssume(roleArn: string, externalId: string | undefined): boolean {
    const role = roles.find((r) => r.roleArn === roleArn);
    if (!role) return false;
    return role.externalId === undefined || role.externalId === externalId;
  }

  function send(res: AnyResponse, reply: Reply): void {
    if (res.headersSent || (res as http.ServerResponse).destroyed) return;
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  }

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  }

  async function handleAdmin(call: IncomingCall, res: AnyResponse): Promise<void> {
    const json = (status: number, body: unknown) => send(res, { status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const route = `${call.method} ${call.rawPath.replace(/\/$/, "")}`;
    switch (route) {
      case "GET /__standin/stats":
        return json(200, stats);
      case "POST /__standin/stats/reset":
        stats = newStats();
        return json(200, stats);
      case "GET /__standin/faults":
        return json(200, faults.current);
      case "POST /__standin/faults": {
        try {
          const config: unknown = JSON.parse(call.body.toString("utf8") || "{}");
          validateFaultConfig(config);
          faults.set(config);
          return json(200, faults.current);
        } catch (e) {
          return json(400, { error: e instanceof Error ? e.message : String(e) });
        }
      }
      case "GET /__standin/health":
        return json(200, { ok: true, accountId, regions: estate.regions });
      default:
        return json(404, { error: `no such stand-in endpoint: ${route}` });
    }
  }

  async function handle(req: AnyRequest, res: AnyResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) {
        send(res, { status: 413, headers: { "content-type": "text/plain" }, body: "request body too large" });
        return;
      }
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks);
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const rawPath = q === -1 ? url : url.slice(0, q);
    const rawQuery = q === -1 ? "" : url.slice(q + 1);
    const call: IncomingCall = { method: req.method ?? "GET", rawPath, rawQuery, query: parseQuery(rawQuery), headers: req.headers as IncomingHttpHeaders, body };

    if (rawPath.startsWith("/__standin/")) return handleAdmin(call, res);

    const requestId = newRequestId();
    const auth = parseAuthorization(headerString(call.headers, "authorization"));
    if (!auth) {
      send(res, {
        status: 403,
        headers: { "content-type": "application/json", "x-amzn-errortype": "MissingAuthenticationTokenException", "x-amzn-requestid": requestId },
        body: JSON.stringify({ message: "Missing Authentication Token" }),
      });
      return;
    }
    const service = Object.hasOwn(SERVICES_BY_SIGNING_NAME, auth.service) ? SERVICES_BY_SIGNING_NAME[auth.service] : undefined;
    if (!service) {
      send(res, {
        status: 400,
        headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": "UnknownOperationException", "x-amzn-requestid": requestId },
        body: JSON.stringify({ __type: "UnknownOperationException", message: `The stand-in AWS does not serve ${auth.service}.` }),
      });
      return;
    }
    const fail = (error: AwsError) => send(res, errorReply(service.meta, requestId, error));

    let resolved;
    try {
      resolved = service.resolve(call);
    } catch (e) {
      if (e instanceof AwsError) return fail(e);
      throw e;
    }
    const operation = resolved?.operation ?? "Unknown";
    const key = `${service.id}:${operation}`;
    count(key, "calls");
    const reject = (kind: Parameters<typeof serviceError>[1], message?: string) => {
      count(key, "errors");
      fail(serviceError(service, kind, message));
    };

    // Authentication, in the order AWS checks it
    if (!service.global && disabledRegions.has(auth.region)) {
      const e = serviceError(service, "unrecognizedClient", "The security token included in the request is invalid");
      count(key, "errors");
      return fail(new AwsError(403, e.code, e.message, e.options));
    }
    const credential = credentials.get(auth.accessKeyId);
    if (!credential) return reject("unrecognizedClient");
    if (credential.sessionToken !== undefined && headerString(call.headers, "x-amz-security-token") !== credential.sessionToken) {
      return reject("unrecognizedClient");
    }
    if (credential.expired || (credential.expiresAt !== undefined && credential.expiresAt < Date.now())) return reject("expiredToken");
    const declaredHash = headerString(call.headers, "x-amz-content-sha256");
    const bodyHash = sha256Hex(body);
    const s3 = service.id === "s3";
    const unsigned = s3 && declaredHash !== undefined && (declaredHash === "UNSIGNED-PAYLOAD" || declaredHash.startsWith("STREAMING-"));
    if (declaredHash !== undefined && !unsigned && declaredHash !== bodyHash) return reject("badSignature");
    const signed = { method: call.method, rawPath, rawQuery, headers: call.headers, payloadHash: declaredHash ?? bodyHash, s3 };
    if (!verifySignature(signed, auth, credential.secretAccessKey)) return reject("badSignature");

    const handler = resolved && Object.hasOwn(service.handlers, resolved.operation) ? service.handlers[resolved.operation] : undefined;
    if (!resolved || !handler) {
      return reject("unknownOperation", resolved ? `Operation ${resolved.operation} is not served by the stand-in AWS.` : "The requested operation is not served by the stand-in AWS.");
    }

    const region = service.global ? "us-east-1" : auth.region;
    const plan = faults.plan(service.id, operation, region);
    if (plan.delayMs > 0) await delay(plan.delayMs);
    if (plan.accessDenied) {
      count(key, "faults");
      return fail(
        serviceError(service, "accessDenied", `User: ${credential.identity.arn} is not authorized to perform: ${service.id}:${operation} because no identity-based policy allows the ${service.id}:${operation} action`),
      );
    }
    if (!limiter.take(accountId, region, service.id, operation)) {
      count(key, "throttles");
      const extra = service.id === "lambda" ? { "retry-after": "1" } : undefined;
      return fail(serviceError(service, "throttling", undefined, extra));
    }
    if (plan.answer) {
      count(key, "faults");
      return send(res, ruleReply(service, operation, requestId, plan.answer));
    }
    const outcome = faults.draw(service.id, operation);
    if (outcome.kind === "timeout") {
      count(key, "faults");
      const t = setTimeout(() => {
        timers.delete(t);
        req.socket?.destroy();
      }, outcome.holdMs);
      timers.add(t);
      return;
    }
    if (outcome.kind === "error5xx") {
      count(key, "faults");
      return fail(serviceError(service, "internal"));
    }

    const host = headerString(call.headers, "host") ?? headerString(call.headers, ":authority") ?? "127.0.0.1";
    const ctx: CallContext = {
      ...call,
      requestId,
      service,
      operation,
      labels: resolved.labels ?? {},
      region,
      accountId,
      index: estateIndex.region(region),
      estateIndex,
      origin: `http://${host}`,
      hostname: host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : (host.split(":")[0] as string),
      caller: credential.identity,
      input: resolved.input ?? {},
      discoveryAddress: options.timestreamDiscoveryAddress,
      issueCredentials,
      canAssume,
      strictS3Regions,
    };
    try {
      send(res, await handler(ctx));
    } catch (e) {
      count(key, "errors");
      if (e instanceof AwsError) return fail(e);
      process.stderr.write(`stand-in AWS: ${key} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      fail(serviceError(service, "internal"));
    }
  }

  const listener = (req: AnyRequest, res: AnyResponse) => {
    handle(req, res).catch((e: unknown) => {
      process.stderr.write(`stand-in AWS: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      if (!res.headersSent) send(res, { status: 500, headers: { "content-type": "text/plain" }, body: "internal error" });
    });
  };
  const httpServer = http.createServer(listener);
  httpServer.keepAliveTimeout = 10_000;
  const h2Server = http2.createServer(listener);
  const acceptHttp2 = options.http2 ?? true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    // Sniff the first bytes: an HTTP/2 connection (prior knowledge) starts with its preface.
    socket.once("data", (chunk: Buffer) => {
      socket.pause();
      const preface = chunk.subarray(0, 4).toString("latin1") === "PRI ";
      if (preface && !acceptHttp2) {
        stats.http2Refused++;
        socket.end("HTTP/1.1 505 HTTP Version Not Supported\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return;
      }
      socket.unshift(chunk);
      (preface ? h2Server : httpServer).emit("connection", socket);
      process.nextTick(() => socket.resume());
    });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as net.AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    estate,
    stats: () => structuredClone(stats),
    resetStats: () => {
      stats = newStats();
    },
    setFaults: (f: FaultConfig) => faults.set(f),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        httpServer.close();
        h2Server.close();
      }),
  };
}

function newStats(): Stats {
  return { calls: 0, throttles: 0, faults: 0, errors: 0, byOperation: {}, http2Refused: 0 };
}

/** A fault rule's answer, in the service's own protocol (see FaultAnswer in faults.ts). */
function ruleReply(service: ServiceDefinition, operation: string, requestId: string, answer: FaultAnswer): Reply {
  const xml = service.meta.protocol === "restXml" || service.meta.protocol === "awsQuery";
  switch (answer) {
    case "internal":
      return errorReply(service.meta, requestId, serviceError(service, "internal"));
    case "throttling":
      return errorReply(service.meta, requestId, serviceError(service, "throttling", undefined, service.id === "lambda" ? { "retry-after": "1" } : undefined));
    case "unknown-operation":
      return errorReply(service.meta, requestId, serviceError(service, "unknownOperation", `Operation ${operation} is not supported by this endpoint.`));
    case "not-implemented":
      return errorReply(
        service.meta,
        requestId,
        new AwsError(501, service.id === "s3" ? "NotImplemented" : "InternalFailure", `API action '${operation}' for service '${service.id}' not yet implemented`),
      );
    case "no-route":
      return { status: 404, headers: { "content-type": "text/html" }, body: "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>" };
    case "malformed":
      return xml
        ? { status: 200, headers: { "content-type": "text/xml", "x-amzn-requestid": requestId }, body: '{"note": "JSON where XML is due"}' }
        : { status: 200, headers: { "content-type": "application/json", "x-amzn-requestid": requestId }, body: "<html><body>maintenance</body></html>" };
  }
}

function headerString(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

function parseQuery(rawQuery: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!rawQuery) return out;
  for (const part of rawQuery.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? "" : part.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, " "));
      value = decodeURIComponent(rawValue.replace(/\+/g, " "));
    } catch {
      key = rawKey;
      value = rawValue;
    }
    if (!out.has(key)) out.set(key, value);
  }
  return out;
}

export type { ServiceDefinition };

/**
 * The five wire protocols the AWS SDK speaks, seen from the server side: how a successful reply
 * and an error are written so the SDK parses them into the same output and the same named
 * exception it would get from AWS.
 */
import { randomUUID } from "node:crypto";

export type WireProtocol = "restJson" | "awsJson1_0" | "awsJson1_1" | "awsQuery" | "restXml";

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface AwsErrorOptions {
  /** Extra response headers (e.g. x-amz-bucket-region). */
  headers?: Record<string, string>;
  /** Extra child elements of <Error> for XML protocols (e.g. BucketName). */
  xmlFields?: Record<string, string>;
  /** awsQuery-compatible JSON services (SQS) also send the legacy query error code. */
  queryCode?: string;
}

/** An error answered to the client in the service's own shape. */
export class AwsError extends Error {
  readonly status: number;
  readonly code: string;
  readonly options: AwsErrorOptions;

  constructor(status: number, code: string, message: string, options: AwsErrorOptions = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.options = options;
  }
}

export interface ProtocolMeta {
  protocol: WireProtocol;
  /** Prefix of `__type` in JSON error bodies, e.g. "com.amazonaws.dynamodb.v20120810#". */
  errorTypePrefix?: string;
  xmlNamespace?: string;
  /** JSON service that also answers x-amzn-query-error (SQS). */
  queryCompatible?: boolean;
}

export function newRequestId(): string {
  return randomUUID();
}

export function jsonContentType(protocol: WireProtocol): string {
  if (protocol === "awsJson1_0") return "application/x-amz-json-1.0";
  if (protocol === "awsJson1_1") return "application/x-amz-json-1.1";
  return "application/json";
}

export function jsonReply(protocol: WireProtocol, requestId: string, body: unknown, status = 200): Reply {
  return {
    status,
    headers: { "content-type": jsonContentType(protocol), "x-amzn-requestid": requestId },
    body: JSON.stringify(body ?? {}),
  };
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for XML; control characters become numeric references so nothing is lost. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"'\u0000-\u001f\u007f]/g, (c) => XML_ESCAPES[c] ?? `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

export type XmlValue = string | number | boolean | undefined | null;

/** `<name>escaped value</name>`, or nothing when the value is absent. */
export function xmlText(name: string, value: XmlValue): string {
  if (value === undefined || value === null) return "";
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<name>children</name>` from already-built XML fragments. */
export function xmlElement(name: string, ...children: Array<string | undefined | false>): string {
  return `<${name}>${children.filter(Boolean).join("")}</${name}>`;
}

export function isoTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.000Z$/, "Z");
}

export function xmlReply(requestId: string, body: string, extraHeaders: Record<string, string> = {}, status = 200): Reply {
  return {
    status,
    headers: { "content-type": "text/xml", "x-amzn-requestid": requestId, "x-amz-request-id": requestId, ...extraHeaders },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
  };
}

/** A successful awsQuery reply: <ActionResponse><ActionResult>...</ActionResult><ResponseMetadata/></ActionResponse>. */
export function queryReply(meta: ProtocolMeta, requestId: string, action: string, result: string): Reply {
  const ns = meta.xmlNamespace ? ` xmlns="${meta.xmlNamespace}"` : "";
  return xmlReply(
    requestId,
    `<${action}Response${ns}><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  );
}

export function errorReply(meta: ProtocolMeta, requestId: string, error: AwsError): Reply {
  const headers: Record<string, string> = { ...(error.options.headers ?? {}) };
  switch (meta.protocol) {
    case "restJson":
      return {
        status: error.status,
        headers: {
          "content-type": "application/json",
          "x-amzn-requestid": requestId,
          "x-amzn-errortype": error.code,
          ...headers,
        },
        body: JSON.stringify({ message: error.message }),
      };
    case "awsJson1_0":
    case "awsJson1_1": {
      if (meta.queryCompatible) headers["x-amzn-query-error"] = `${error.options.queryCode ?? error.code};${error.status >= 500 ? "Receiver" : "Sender"}`;
      return {
        status: error.status,
        headers: { "content-type": jsonContentType(meta.protocol), "x-amzn-requestid": requestId, ...headers },
        body: JSON.stringify({ __type: `${meta.errorTypePrefix ?? ""}${error.code}`, message: error.message }),
      };
    }
    case "awsQuery": {
      const ns = meta.xmlNamespace ? ` xmlns="${meta.xmlNamespace}"` : "";
      const type = error.status >= 500 ? "Receiver" : "Sender";
      return xmlReply(
        requestId,
        `<ErrorResponse${ns}><Error><Type>${type}</Type>${xmlText("Code", error.code)}${xmlText("Message", error.message)}</Error>${xmlText("RequestId", requestId)}</ErrorResponse>`,
        headers,
        error.status,
      );
    }
    case "restXml": {
      const fields = Object.entries(error.options.xmlFields ?? {})
        .map(([k, v]) => xmlText(k, v))
        .join("");
      return xmlReply(
        requestId,
        `<Error>${xmlText("Code", error.code)}${xmlText("Message", error.message)}${fields}${xmlText("RequestId", requestId)}${xmlText("HostId", Buffer.from(requestId).toString("base64"))}</Error>`,
        { "x-amz-id-2": Buffer.from(requestId).toString("base64"), ...headers },
        error.status,
      );
    }
  }
}

import "server-only";

/**
 * The few Postgres protocol messages the embedded database's proxy writes itself: to clients
 * (authentication, refusals) and to PGlite (the startup it forwards, a Sync). Everything else
 * comes from the client or from PGlite as it is. Layouts as in the Postgres frontend/backend
 * protocol 3.0, "Message Formats".
 */

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "ascii");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function int32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(value, 0);
  return b;
}

const cstring = (text: string) => Buffer.from(`${text}\0`, "utf8");

/**
 * ErrorResponse. FATAL ends the connection (Postgres sends it before closing); ERROR leaves the
 * connection usable. The message may quote what a client sent: control characters are dropped and
 * it is cut, so a hostile client cannot forge lines in a log that prints it.
 */
export function errorResponse(severity: "ERROR" | "FATAL", code: string, text: string): Buffer {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 500);
  return message(
    "E",
    Buffer.concat([cstring(`S${severity}`), cstring(`V${severity}`), cstring(`C${code}`), cstring(`M${clean}`), Buffer.from([0])]),
  );
}

/** ReadyForQuery with the backend idle (outside a transaction). */
export function readyForQueryIdle(): Buffer {
  return message("Z", Buffer.from("I", "ascii"));
}

/** AuthenticationSASL: the mechanisms the server offers. */
export function authenticationSasl(mechanisms: string[]): Buffer {
  return message("R", Buffer.concat([int32(10), ...mechanisms.map(cstring), Buffer.from([0])]));
}

export function authenticationSaslContinue(data: string): Buffer {
  return message("R", Buffer.concat([int32(11), Buffer.from(data, "utf8")]));
}

export function authenticationSaslFinal(data: string): Buffer {
  return message("R", Buffer.concat([int32(12), Buffer.from(data, "utf8")]));
}

/** NegotiateProtocolVersion: the newest 3.x minor version served, and the options not recognised. */
export function negotiateProtocolVersion(newestMinor: number, unrecognised: string[]): Buffer {
  return message("v", Buffer.concat([int32(newestMinor), int32(unrecognised.length), ...unrecognised.map(cstring)]));
}

/** A StartupMessage for protocol 3.0 with these parameters (what the proxy hands PGlite). */
export function startupMessage(parameters: Record<string, string>): Buffer {
  const body = Buffer.concat([int32(3 << 16), ...Object.entries(parameters).flatMap(([k, v]) => [cstring(k), cstring(v)]), Buffer.from([0])]);
  return Buffer.concat([int32(body.length + 4), body]);
}

/** Sync, as a frontend sends it: the proxy sends one to PGlite to end a cycle a client left open. */
export const SYNC_MESSAGE = Buffer.from([0x53, 0, 0, 0, 4]);

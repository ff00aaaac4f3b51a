import "server-only";
import pino from "pino";
import { env } from "@/lib/env";

/**
 * Structured server logs (JSON lines on stdout). Errors carry the request id that the user sees
 * with the error code, so support can find the detail here without any of it reaching a browser.
 */
const g = globalThis as typeof globalThis & {
  __silkrouteLogger?: pino.Logger;
  __silkrouteLogToStderr?: boolean;
  __silkrouteLogDestination?: pino.DestinationStream;
};

/** The command line keeps stdout for its own output (`--json`): its logs go to stderr. */
export function sendLogsToStderr(): void {
  g.__silkrouteLogToStderr = true;
  g.__silkrouteLogDestination = undefined;
  g.__silkrouteLogger = undefined;
}

/** The command line on a terminal: its logs go to a file, or to a stream that shows them briefly. */
export function sendLogsTo(destination: pino.DestinationStream): void {
  g.__silkrouteLogDestination = destination;
  g.__silkrouteLogger = undefined;
}

export function logger(): pino.Logger {
  g.__silkrouteLogger ??= pino(
    {
    level: env().LOG_LEVEL,
    base: { app: "silkroute", pid: process.pid },
    redact: {
      paths: ["password", "*.password", "secretAccessKey", "*.secretAccessKey", "authorization", "*.authorization", "cookie", "*.cookie"],
      censor: "[redacted]",
    },
    timestamp: pino.stdTimeFunctions.isoTime,
    },
    g.__silkrouteLogDestination ?? pino.destination(g.__silkrouteLogToStderr ? 2 : 1),
  );
  return g.__silkrouteLogger;
}

import "server-only";
import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import { env } from "@/lib/env";
import { logger, sendLogsTo, sendLogsToStderr } from "@/lib/log";

export interface CliLogOptions {
  json: boolean;
  verbose: boolean;
  /** --log-file: where the log records go instead of the data folder. */
  logFile?: string;
}

export interface CliLog {
  /** The file the log records go to, or null when they go to stderr. */
  file: string | null;
  /** Said on the terminal when the log could not go where it should. */
  warning: string | null;
}

const LEVEL_NAMES: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

/** One log record (pino's JSON line) as one short line for a person: no stack trace, no JSON. */
export function briefLogLine(record: string): string {
  let r: { time?: string; level?: number; msg?: string; collector?: string; part?: string; operation?: string; err?: { message?: string; operation?: string; code?: string } };
  try {
    r = JSON.parse(record);
  } catch {
    return record.endsWith("\n") ? record : `${record}\n`;
  }
  const time = typeof r.time === "string" ? r.time.slice(11, 19) : "";
  const where = [r.part, r.collector, r.err?.operation ?? r.operation].filter(Boolean).join(" · ");
  const error = r.err?.message ? `: ${r.err.code ? `${r.err.code} ` : ""}${r.err.message.split("\n")[0]}` : "";
  return `${time} ${LEVEL_NAMES[r.level ?? 30] ?? "LOG"} ${r.msg ?? ""}${where ? ` (${where})` : ""}${error}\n`;
}

/** A pino destination that shows each record as one brief line on stderr. */
function briefStderr(): pino.DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split("\n")) if (line.trim()) process.stderr.write(briefLogLine(line));
    },
  };
}

function defaultLogFile(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "").replace("T", "-");
  return path.join(env().dataDir, "logs", `scan-${stamp}-${process.pid}.log`);
}

/**
 * Where the command line's log records go. With --json: stderr as JSON lines, as before (stdout
 * holds the one JSON document). With --verbose or LOG_LEVEL set: stderr, one brief line per record
 * (--verbose alone also shows debug records). Otherwise: a file (mode 0600), `--log-file` or
 * `<data folder>/logs/scan-<time>-<pid>.log`, which the command names, so the terminal shows only
 * the progress bars and the summary. Process warnings (the AWS SDK's) go to the log too.
 */
export function openCliLog(options: CliLogOptions): CliLog {
  const config = env();
  let result: CliLog = { file: null, warning: null };
  if (options.json) sendLogsToStderr();
  else if (options.verbose || config.logLevelSet) sendLogsTo(briefStderr());
  else {
    const file = path.resolve(options.logFile ?? defaultLogFile());
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const fd = fs.openSync(file, "a", 0o600);
      sendLogsTo(pino.destination({ dest: fd, sync: true }));
      result = { file, warning: null };
    } catch (err) {
      sendLogsTo(briefStderr());
      result = { file: null, warning: `The log file ${file} cannot be written (${(err as NodeJS.ErrnoException).code ?? "error"}): log records go to stderr.` };
    }
  }
  if (options.verbose && !config.logLevelSet) logger().level = "debug";
  process.removeAllListeners("warning");
  process.on("warning", (warning) => logger().warn({ warning: { name: warning.name, message: warning.message } }, "process warning"));
  return result;
}

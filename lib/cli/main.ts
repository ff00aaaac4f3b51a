import "server-only";
import { Command, CommanderError, Option } from "commander";
import { logger, sendLogsToStderr } from "@/lib/log";
import { closeDatabase, prepareDatabase } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isStartupError } from "@/lib/start-server-process";
import { formatMapSummary, MAP_EXIT_CODE, mapOptionsSchema, runMapCommand, type MapResult } from "@/lib/cli/map-command";
import { EXIT_CODE, failedResult, flagName, refusedResult, runScanCommand, scanOptionsSchema, type ScanResult } from "@/lib/cli/scan-command";
import { formatScanSummary } from "@/lib/cli/format-scan-summary";
import { openCliLog, type CliLog } from "@/lib/cli/open-cli-log";
import { cliActor } from "@/lib/cli/cli-actor";
import packageJson from "@/package.json" with { type: "json" };

/** Exit code of a command line that could not be understood (sysexits EX_USAGE). */
const USAGE_EXIT_CODE = 64;

const SCAN_HELP = `
Plans and connections:
  The scan is recorded under --plan (default "Command line scans") with a connection named after
  the credentials: "Command line (default credentials)", "Command line (profile NAME)" or
  "Command line (role ARN)". Both are created when missing; new --region values are added to them.
  A plan of that name that reads AWS through another connection (one made in the app, or other
  credentials) is left as it is and the command stops, saying so. Then choose:
    --use-connection  scan the plan through its own connection (no --profile, --role-arn,
                      --external-id; without --region, all the plan's regions)
    --repoint         point the plan at this command's connection instead
  Every change to a plan or connection is said on stderr and recorded in the audit log, as done by
  "command line (<your OS user name>)". Nothing is written until every flag has been checked.

Output:
  On a terminal: a progress bar per region, then a summary with the problems grouped by code and
  operation. Log records go to a file (--log-file, or logs/ in the data folder) named at the start
  and in the summary; --verbose, or LOG_LEVEL, shows them on stderr instead, one line each.
  --json prints exactly one JSON document on stdout (log records as JSON lines on stderr).

AWS settings come from the AWS SDK's own configuration: AWS_PROFILE, AWS_REGION, AWS_ACCESS_KEY_ID,
AWS_ENDPOINT_URL, SSO, instance roles... Exit code: 0 complete, 2 partial, 1 failed, 64 flags not understood.`;

/**
 * `silkroute`: the command line. It works on the same database as the app (DATABASE_URL, or the
 * embedded database in SILKROUTE_DATA_DIR, which it opens or shares with a running app) and
 * prepares an empty database exactly as the app does.
 */
export async function main(argv: string[]): Promise<number> {
  sendLogsToStderr();
  let exitCode = 0;
  const program = new Command()
    .name("silkroute")
    .description("Plan and guide the move of an AWS IoT estate to Alibaba Cloud.")
    .version(packageJson.version)
    .exitOverride()
    .showHelpAfterError();

  program
    .command("scan")
    .description("Read the AWS account (read-only) into Silkroute's inventory, as the app's Scan button does.")
    .addOption(new Option("--region <region>", "an AWS region to read (repeat for several)").argParser((v: string, prev: string[] = []) => [...prev, v]))
    .option("--profile <name>", "a profile of the AWS shared config/credentials files")
    .option("--role-arn <arn>", "assume this role (a read-only role in the audited account)")
    .option("--external-id <id>", "the external id the role's trust policy requires")
    .addOption(new Option("--mode <mode>", "summary: list calls only; deep: also per-thing and per-certificate calls").choices(["summary", "deep"]).default("summary"))
    .option("--shadows", "in a deep scan, also read classic and named device shadows", false)
    .option("--plan <name>", "the migration plan to record the scan under", "Command line scans")
    .option("--use-connection", "scan an existing plan through the connection it already has", false)
    .option("--repoint", "point an existing plan that reads through another connection at this command's credentials", false)
    .option("--json", "print exactly one JSON document on stdout", false)
    .option("--log-file <path>", "where log records go (default: logs/ in the data folder)")
    .option("--verbose", "show log records on stderr (one line each) instead of writing them to a file", false)
    .addHelpText("after", SCAN_HELP)
    .action(async (raw: Record<string, unknown>) => {
      const json = Boolean(raw.json);
      const parsed = scanOptionsSchema.safeParse({ ...raw, region: raw.region ?? [] });
      let result: ScanResult;
      let log: CliLog = { file: null, warning: null };
      if (!parsed.success) {
        // Nothing opened, nothing written.
        const message = parsed.error.issues.map((i) => `${flagName(i.path[0])}: ${i.message}`).join("; ");
        result = refusedResult("VALIDATION_FAILED", message);
      } else {
        const options = parsed.data;
        const controller = new AbortController();
        const onSignal = () => controller.abort();
        process.once("SIGINT", onSignal);
        process.once("SIGTERM", onSignal);
        try {
          log = openCliLog({ json, verbose: options.verbose, logFile: options.logFile });
          if (log.warning) process.stderr.write(`${log.warning}\n`);
          if (log.file) process.stderr.write(`Log: ${log.file}\n`);
          await prepareDatabase();
          result = await runScanCommand(options, {
            progress: Boolean(process.stderr.isTTY),
            signal: controller.signal,
            who: cliActor(),
            notice: (line) => process.stderr.write(`${line}\n`),
          });
        } catch (err) {
          if (err instanceof AppError || isStartupError(err)) result = failedResult(err);
          else {
            // The detail (stack included) goes to the log; the terminal gets one line.
            logger().error({ err }, "scan command failed");
            const where = log.file ? `the log (${log.file})` : "the log above";
            result = failedResult(new Error(`${err instanceof Error ? err.message : String(err)} (details in ${where})`));
          }
        } finally {
          process.off("SIGINT", onSignal);
          process.off("SIGTERM", onSignal);
        }
      }
      if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else process.stdout.write(formatScanSummary(result, { logFile: log.file }));
      exitCode = EXIT_CODE[result.status];
    });

  program
    .command("map")
    .description("Map a stored scan to its proposed Alibaba Cloud targets and store the run, as the app does after a scan.")
    .option("--scan <id>", "the scan to map (default: the newest finished scan)")
    .option("--plan <name>", "without --scan: the newest finished scan of this plan")
    .option("--json", "print exactly one JSON document on stdout", false)
    .addHelpText("after", "\nExit code: 0 mapped, 2 mapped with input problems or from a partial scan, 1 failed, 64 flags not understood.")
    .action(async (raw: Record<string, unknown>) => {
      const parsed = mapOptionsSchema.safeParse(raw);
      let result: MapResult;
      if (!parsed.success) {
        result = { status: "failed", error: { code: "VALIDATION_FAILED", message: parsed.error.issues.map((i) => `${flagName(i.path[0])}: ${i.message}`).join("; ") } };
        exitCode = USAGE_EXIT_CODE;
      } else {
        await prepareDatabase();
        result = await runMapCommand(parsed.data, cliActor());
        exitCode = MAP_EXIT_CODE[result.status];
      }
      const json = Boolean(raw.json);
      if (json) process.stdout.write(`${JSON.stringify(result.status === "failed" ? { scanId: null, error: result.error } : result.document)}\n`);
      else process.stdout.write(formatMapSummary(result));
    });

  const dbCommand = program.command("db").description("Database tasks.");
  dbCommand
    .command("migrate")
    .description("Apply pending migrations (the app and the worker also do this when they start).")
    .action(async () => {
      await prepareDatabase();
      console.error("The database is up to date.");
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      exitCode = err.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
      // A script that asked for JSON gets its one document even when the flags were not understood.
      if (exitCode !== 0 && argv[0] === "map" && argv.includes("--json")) {
        process.stdout.write(`${JSON.stringify({ scanId: null, error: { code: "USAGE", message: err.message.replace(/^error: /, "") } })}\n`);
      } else if (exitCode !== 0 && argv[0] === "scan" && argv.includes("--json")) {
        process.stdout.write(`${JSON.stringify(refusedResult("USAGE", err.message.replace(/^error: /, "")))}\n`);
      }
    } else if (isStartupError(err)) {
      console.error(err.message);
      exitCode = 1;
    } else {
      console.error(err instanceof Error ? err.message : String(err));
      exitCode = 1;
    }
  } finally {
    await closeDatabase();
  }
  return exitCode;
}

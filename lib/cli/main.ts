import "server-only";
import { Command, CommanderError, Option } from "commander";
import { ZodError } from "zod";
import { sendLogsToStderr } from "@/lib/log";
import { closeDatabase, prepareDatabase } from "@/lib/db";
import { isStartupError } from "@/lib/start-server-process";
import { EXIT_CODE, failedResult, runScanCommand, scanOptionsSchema, type ScanResult } from "@/lib/cli/scan-command";
import packageJson from "@/package.json" with { type: "json" };

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
    .option("--json", "print exactly one JSON document on stdout", false)
    .addHelpText(
      "after",
      "\nAWS settings come from the AWS SDK's own configuration: AWS_PROFILE, AWS_REGION, AWS_ACCESS_KEY_ID,\nAWS_ENDPOINT_URL, SSO, instance roles... Exit code: 0 complete, 2 partial, 1 failed.",
    )
    .action(async (raw: Record<string, unknown>) => {
      const json = Boolean(raw.json);
      const controller = new AbortController();
      const onSignal = () => controller.abort();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      let result: ScanResult;
      try {
        const options = scanOptionsSchema.parse({ ...raw, region: raw.region ?? [] });
        await prepareDatabase();
        result = await runScanCommand(options, { progress: Boolean(process.stderr.isTTY), signal: controller.signal });
      } catch (err) {
        result = failedResult(err instanceof ZodError ? new Error(err.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("; ")) : err);
        if (!(err instanceof ZodError) && !isStartupError(err) && !(err instanceof Error && "code" in err)) console.error(err);
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
      if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else printResult(result);
      exitCode = EXIT_CODE[result.status];
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
      exitCode = err.exitCode === 0 ? 0 : 64;
    } else if (isStartupError(err)) {
      console.error(err.message);
      exitCode = 1;
    } else {
      console.error(err);
      exitCode = 1;
    }
  } finally {
    await closeDatabase();
  }
  return exitCode;
}

function printResult(result: ScanResult) {
  const out = process.stdout;
  out.write(`\nScan ${result.scanId ?? "(not started)"}: ${result.status}\n`);
  for (const [region, byKind] of Object.entries(result.counts).sort()) {
    const total = Object.values(byKind).reduce((a, b) => a + b, 0);
    out.write(`  ${region}: ${total} resources\n`);
    for (const [kind, n] of Object.entries(byKind).sort()) out.write(`    ${kind.padEnd(36)} ${n}\n`);
  }
  if (result.errors.length) {
    out.write(`\n${result.errors.length} problem(s):\n`);
    for (const e of result.errors) out.write(`  [${e.region}] ${e.code}: ${e.message}\n`);
  }
}

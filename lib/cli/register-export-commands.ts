import "server-only";
import type { Command } from "commander";
import { logger } from "@/lib/log";
import { prepareDatabase } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isStartupError } from "@/lib/start-server-process";
import { EXPORT_EXIT_CODE, exportOptionsSchema, failedExport, formatExportSummary, runExportCommand, type ExportResult } from "@/lib/cli/export-command";

/** Exit code of a command line that could not be understood (sysexits EX_USAGE), as main.ts. */
const USAGE_EXIT_CODE = 64;

const EXPORT_HELP = `
What is written:
  The infrastructure as code of the plan's newest succeeded mapping run (run "silkroute map" or the
  service map first): only proposals that are "mapped" become resources; SKIPPED.txt lists the rest
  with the reason. Devices are never declared (the runbook registers them in bulk), so no DeviceSecret
  is ever in a file. Warnings on stderr say what to complete before deploying.
  --plan NAME exports that plan; without it, the plan of the newest mapping run.

Exit code: 0 written, 1 failed (no such plan, no mapping run, cannot write), 64 flags not understood.`;

const TERRAFORM_HELP = `${EXPORT_HELP}

Files (in DIR, created when missing; files of the same name are replaced):
  versions.tf, variables.tf, main.tf, outputs.tf   for the aliyun/alicloud provider
  ros/*.json                                        the ROS templates main.tf deploys (alicloud_ros_stack)
  SKIPPED.txt`;

const ROS_HELP = `${EXPORT_HELP}

Files:
  FILE is the template to deploy. An estate beyond ROS's limits (300 resources or 512 KB per template)
  is split into nested stacks: FILE is then the parent, and its part templates (ros-<region>-part-NN.json)
  are written beside it, in FILE's folder, under the names the parent loads them by: upload them and
  pass their location as the TemplateBaseUrl parameter. With several regions, one parent per region,
  named FILE with the region before the extension. SKIPPED.txt is written beside them too.`;

/** `silkroute export terraform|ros`: registered on the program by main.ts. */
export function registerExportCommands(program: Command, setExitCode: (code: number) => void): void {
  const exportCommand = program.command("export").description("Write the mapped target estate as infrastructure as code.");
  const action = (format: "terraform" | "ros") => async (raw: Record<string, unknown>) => {
    const parsed = exportOptionsSchema.safeParse({ ...raw, format });
    let result: ExportResult;
    let usage = false;
    if (!parsed.success) {
      usage = true;
      result = failedExport(format, new Error(parsed.error.issues.map((i) => i.message).join("; ")));
      result.error = { code: "VALIDATION_FAILED", message: result.error?.message ?? "" };
    } else {
      try {
        await prepareDatabase();
        result = await runExportCommand(parsed.data);
      } catch (err) {
        if (!(err instanceof AppError) && !isStartupError(err)) logger().error({ err }, "export command failed");
        result = failedExport(format, err);
      }
    }
    if (raw.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else process.stderr.write(formatExportSummary(result));
    setExitCode(usage ? USAGE_EXIT_CODE : EXPORT_EXIT_CODE[result.status]);
  };
  exportCommand
    .command("terraform")
    .description("A Terraform configuration for the alicloud provider, with the ROS templates it deploys.")
    .requiredOption("--out <dir>", "the folder to write into (created when missing)")
    .option("--plan <name>", "the plan to export (default: the plan of the newest mapping run)")
    .option("--json", "print exactly one JSON document on stdout", false)
    .addHelpText("after", TERRAFORM_HELP)
    .action(action("terraform"));
  exportCommand
    .command("ros")
    .description("ROS templates (JSON); nested stacks beside FILE when the estate exceeds ROS's limits.")
    .requiredOption("--out <file>", "the template to write (its parts are written beside it)")
    .option("--plan <name>", "the plan to export (default: the plan of the newest mapping run)")
    .option("--json", "print exactly one JSON document on stdout", false)
    .addHelpText("after", ROS_HELP)
    .action(action("ros"));
}

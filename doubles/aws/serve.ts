/**
 * Runs the stand-in AWS from the command line, for the demo and for manual testing:
 *
 *   node bin/run.mjs doubles/aws/serve.ts --port 4566 --seed 42 --things 3000 \
 *     --region eu-central-1 --region us-east-1 [--quotas default|off]
 *
 * Prints one line of JSON ({"url", "accessKeyId", "secretAccessKey", ...}) once it listens, then
 * serves until SIGTERM or SIGINT.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { generateEstate } from "./estate";
import { FAULT_ANSWERS, type FaultAnswer } from "./faults";
import { DEFAULT_CREDENTIALS, startAwsStandIn } from "./server";

const USAGE = `usage: serve.ts [--port 4566] [--host 127.0.0.1] [--seed 42] [--things 3000]
                [--region eu-central-1]... [--account 123456789012] [--quotas default|off]
                [--no-hostile] [--disabled-region REGION]... [--assume-role ROLE_ARN [--external-id ID]]
                [--access-key-id ID --secret-access-key SECRET] [--http1-only]
                [--timestream-discovery-address HOST] [--fault-rule [SERVICE:]OPERATION=ANSWER]...
  ANSWER: ${FAULT_ANSWERS.join(" | ")}`;

const faultRule = z.string().transform((value, ctx) => {
  const m = /^((?:[a-z0-9-]+:)?[A-Za-z0-9]+)=([a-z-]+)$/.exec(value);
  if (!m || !FAULT_ANSWERS.includes(m[2] as FaultAnswer)) {
    ctx.addIssue({ code: "custom", message: `not [service:]Operation=answer with an answer of ${FAULT_ANSWERS.join(", ")}` });
    return z.NEVER;
  }
  return { operation: m[1] as string, answer: m[2] as FaultAnswer };
});

const Flags = z
  .object({
    port: z.coerce.number().int().min(0).max(65_535).default(4566),
    host: z.string().min(1).default("127.0.0.1"),
    seed: z.coerce.number().int().default(42),
    things: z.coerce.number().int().min(0).max(1_000_000).default(3000),
    region: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "not an AWS region name")).default(["eu-central-1"]),
    account: z.string().regex(/^\d{12}$/, "must be twelve digits").default("123456789012"),
    quotas: z.enum(["default", "off"]).default("default"),
    "no-hostile": z.boolean().default(false),
    "disabled-region": z.array(z.string()).default([]),
    "assume-role": z.string().startsWith("arn:aws:iam::").optional(),
    "external-id": z.string().min(2).optional(),
    "access-key-id": z.string().min(16).optional(),
    "secret-access-key": z.string().min(16).optional(),
    "http1-only": z.boolean().default(false),
    "timestream-discovery-address": z.string().regex(/^[A-Za-z0-9.-]+$/, "not a host name").optional(),
    "fault-rule": z.array(faultRule).default([]),
    help: z.boolean().default(false),
  })
  .refine((f) => (f["access-key-id"] === undefined) === (f["secret-access-key"] === undefined), {
    message: "--access-key-id and --secret-access-key go together",
  })
  .refine((f) => f["external-id"] === undefined || f["assume-role"] !== undefined, { message: "--external-id needs --assume-role" });

function usageError(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(64);
}

function readFlags(): Record<string, unknown> {
  try {
    return parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        seed: { type: "string" },
        things: { type: "string" },
        region: { type: "string", multiple: true },
        account: { type: "string" },
        quotas: { type: "string" },
        "no-hostile": { type: "boolean" },
        "disabled-region": { type: "string", multiple: true },
        "assume-role": { type: "string" },
        "external-id": { type: "string" },
        "access-key-id": { type: "string" },
        "secret-access-key": { type: "string" },
        "http1-only": { type: "boolean" },
        "timestream-discovery-address": { type: "string" },
        "fault-rule": { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }).values;
  } catch (e) {
    return usageError(e instanceof Error ? e.message : String(e));
  }
}

async function main(): Promise<void> {
  const parsed = Flags.safeParse(readFlags());
  if (!parsed.success) usageError(parsed.error.issues.map((i) => `${i.path.join(".") || "flags"}: ${i.message}`).join("\n"));
  const flags = parsed.data;
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const estate = generateEstate({
    seed: flags.seed,
    accountId: flags.account,
    regions: [...new Set(flags.region)],
    thingsPerRegion: flags.things,
    hostile: !flags["no-hostile"],
  });
  const credentials = flags["access-key-id"]
    ? { accessKeyId: flags["access-key-id"], secretAccessKey: flags["secret-access-key"] as string }
    : { ...DEFAULT_CREDENTIALS };
  const server = await startAwsStandIn({
    port: flags.port,
    host: flags.host,
    estate,
    quotas: flags.quotas,
    credentials: [credentials],
    roles: flags["assume-role"] ? [{ roleArn: flags["assume-role"], externalId: flags["external-id"] }] : [],
    disabledRegions: flags["disabled-region"],
    http2: !flags["http1-only"],
    timestreamDiscoveryAddress: flags["timestream-discovery-address"],
    ...(flags["fault-rule"].length > 0 ? { faults: { rules: flags["fault-rule"] } } : {}),
  });
  process.stdout.write(
    `${JSON.stringify({
      url: server.url,
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      accountId: estate.accountId,
      regions: estate.regions,
      roleArn: flags["assume-role"],
      externalId: flags["external-id"],
    })}\n`,
  );

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((e: unknown) => {
  process.stderr.write(`stand-in AWS failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});

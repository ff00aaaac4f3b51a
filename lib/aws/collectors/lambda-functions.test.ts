import { describe, expect, it } from "vitest";
import { LambdaClient, ListFunctionsCommand, ListTagsCommand } from "@aws-sdk/client-lambda";
import { lambdaFunctionsCollector } from "@/lib/aws/collectors/lambda-functions";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const lambda = useAwsMock(LambdaClient);
const FN = "arn:aws:lambda:eu-west-1:123456789012:function";
const SECRET_VALUES = ["postgres://app:Sup3rS3cret@db.internal/iot", "sk_live_51HqLyjWDarjtT1zdp7dc", "kms-decrypt-failed-for-Sup3rS3cret"];

describe("lambda.functions", () => {
  it("keeps environment variable names and never their values", async () => {
    lambda.on(ListFunctionsCommand).resolves({
      Functions: [
        {
          FunctionName: "enrich",
          FunctionArn: `${FN}:enrich`,
          Runtime: "nodejs22.x",
          Role: "arn:aws:iam::123456789012:role/enrich-exec",
          KMSKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/k-2",
          Environment: {
            Variables: { DATABASE_URL: SECRET_VALUES[0] ?? "", STRIPE_KEY: SECRET_VALUES[1] ?? "" },
            Error: { ErrorCode: "KMSAccessDenied", Message: SECRET_VALUES[2] },
          },
          DeadLetterConfig: { TargetArn: "arn:aws:sqs:eu-west-1:123456789012:enrich-dlq" },
          LoggingConfig: { LogGroup: "/aws/lambda/enrich", LogFormat: "JSON" },
        },
      ],
      NextMarker: "m2",
    });
    lambda.on(ListFunctionsCommand, { Marker: "m2" }).resolves({ Functions: [{ FunctionName: "auth", FunctionArn: `${FN}:auth` }] });
    lambda.on(ListTagsCommand, { Resource: `${FN}:enrich` }).resolves({ Tags: { team: "data" } });
    const run = await runCollector(lambdaFunctionsCollector, { mocks: [lambda] });
    const enrich = storedRaw(run, KIND.lambdaFunction, "enrich").function;
    expect([enrich.Runtime, enrich.Role, enrich.KMSKeyArn, enrich.Environment?.VariableNames, enrich.DeadLetterConfig?.TargetArn, enrich.LoggingConfig?.LogGroup]).toEqual([
      "nodejs22.x",
      "arn:aws:iam::123456789012:role/enrich-exec",
      "arn:aws:kms:eu-west-1:123456789012:key/k-2",
      ["DATABASE_URL", "STRIPE_KEY"],
      "arn:aws:sqs:eu-west-1:123456789012:enrich-dlq",
      "/aws/lambda/enrich",
    ]);
    expect(run.cursors).toEqual(["m2", null]);
    expect(resourceNamed(run, "enrich")).toMatchObject({
      tags: { team: "data" },
      raw: { function: { Runtime: "nodejs22.x", Environment: { VariableNames: ["DATABASE_URL", "STRIPE_KEY"], Error: { ErrorCode: "KMSAccessDenied" } } } },
    });
    const everything = JSON.stringify({ batches: run.batches, issues: run.issues });
    for (const value of SECRET_VALUES) expect(everything).not.toContain(value);
    expect(everything).not.toContain("Sup3rS3cret");
    expect(edges(run)).toEqual([
      `${FN}:enrich -assumes-role-> arn:aws:iam::123456789012:role/enrich-exec`,
      `${FN}:enrich -dead-letters-to-> arn:aws:sqs:eu-west-1:123456789012:enrich-dlq`,
      `${FN}:enrich -encrypted-by-> arn:aws:kms:eu-west-1:123456789012:key/k-2`,
      `${FN}:enrich -writes-to-> arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/enrich`,
    ]);
  });
});

import "server-only";
/**
 * Lambda functions: ListFunctions (50 a call, with each function's configuration) and the tags of
 * each function (ListTags).
 *
 * Environment variables: only their NAMES are kept. ListFunctions returns the values in clear
 * text, and they are routinely database passwords and API keys; the values are dropped here,
 * before anything is stored, and appear nowhere (not in raw, not in reports).
 *
 * Relations: function assumes-role its execution role, encrypted-by its KMS key,
 * dead-letters-to its dead-letter queue or topic, writes-to its log group.
 */
import { LambdaClient, ListFunctionsCommand, ListTagsCommand } from "@aws-sdk/client-lambda";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iamRoleArn, kmsKeyReference, logGroupArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { kindOfArn } from "@/lib/aws/parse-arn";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { tagsToRecord } from "@/lib/aws/tags-to-record";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, lambdaFunctionsPlan } from "@/lib/aws/collectors/lambda-functions.plan";


const functionSchema = z.looseObject({
  FunctionName: z.string().min(1),
  FunctionArn: z.string().min(1),
  Role: z.string().min(1).nullish(),
  KMSKeyArn: z.string().min(1).nullish(),
  Environment: z
    .looseObject({
      Variables: z.record(z.string(), z.unknown()).nullish(),
      Error: z.looseObject({ ErrorCode: z.string().nullish() }).nullish(),
    })
    .nullish(),
  DeadLetterConfig: z.looseObject({ TargetArn: z.string().min(1).nullish() }).nullish(),
  LoggingConfig: z.looseObject({ LogGroup: z.string().min(1).nullish() }).nullish(),
});
type LambdaFunction = z.infer<typeof functionSchema>;

const tagsSchema = z.looseObject({ Tags: z.record(z.string(), z.string()).nullish() });

type StoredFunction = { [K in keyof LambdaFunction as K extends "Environment" ? never : K]: LambdaFunction[K] } & {
  Environment?: { VariableNames: string[]; Error?: { ErrorCode: string } };
};

/** A function's configuration as stored: environment variable names only, never their values. */
export function withoutEnvironmentValues(fn: LambdaFunction): StoredFunction {
  const { Environment, ...rest } = fn;
  if (!Environment) return rest;
  return {
    ...rest,
    Environment: {
      VariableNames: Object.keys(Environment.Variables ?? {}).sort(),
      // The error code only: the message can quote the decrypted value it failed on.
      ...(Environment.Error?.ErrorCode ? { Error: { ErrorCode: Environment.Error.ErrorCode } } : {}),
    },
  };
}

export const lambdaFunctionsCollector: CollectorDefinition = {
  ...lambdaFunctionsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const lambda = ctx.clients.get(LambdaClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(lambda, new ListFunctionsCommand({ MaxItems: PAGE_SIZE, Marker: cursor ?? undefined }), {
            items: "Functions",
            next: "NextMarker",
            item: functionSchema,
          }),
        async (functions, batch) => {
          const tags = await mapConcurrent(functions, CONFIG_CONCURRENCY, async (fn) => {
            const out = await calls.may(lambda, new ListTagsCommand({ Resource: fn.FunctionArn }), tagsSchema, { arn: fn.FunctionArn });
            return tagsToRecord(out?.Tags ?? {});
          });
          functions.forEach((fn, i) => {
            const arn = fn.FunctionArn;
            batch.add({ kind: KIND.lambdaFunction, arn, name: fn.FunctionName, tags: tags[i], raw: { function: withoutEnvironmentValues(fn) } });
            if (fn.Role) batch.relate(arn, iamRoleArn(ctx, fn.Role), REL.assumesRole, KIND.iamRole);
            const key = fn.KMSKeyArn ? kmsKeyReference(ctx, fn.KMSKeyArn) : undefined;
            if (key) batch.relate(arn, key.arn, REL.encryptedBy, key.kind);
            const deadLetter = fn.DeadLetterConfig?.TargetArn;
            if (deadLetter) batch.relate(arn, deadLetter, REL.deadLettersTo, kindOfArn(deadLetter) ?? KIND.sqsQueue);
            if (fn.LoggingConfig?.LogGroup) batch.relate(arn, logGroupArn(ctx, fn.LoggingConfig.LogGroup), REL.writesTo, KIND.logGroup);
          });
        },
      );
    }),
};

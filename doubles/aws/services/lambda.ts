/**
 * AWS Lambda (restJson1): functions and their tags. Function configurations carry environment
 * variables with their values, as the real ListFunctions does; the values in the estate look like
 * secrets on purpose, and an inventory must keep only their names.
 */
import { arns } from "../arns";
import type { LambdaFunction } from "../estate-types";
import { decodeToken, encodeToken, slicePage } from "../pagination";
import { AwsError, jsonReply } from "../protocol";
import { uuidFrom } from "../prng";
import { compileRoutes, type RestRoute } from "../rest-router";
import { REST_JSON_ERRORS, withErrors } from "../service-errors";
import type { CallContext, OperationHandler, ServiceDefinition } from "../service-types";

const ROUTES: RestRoute[] = [
  ["GET", "/2015-03-31/functions", "ListFunctions"],
  ["GET", "/2015-03-31/functions/{FunctionName}", "GetFunction"],
  ["GET", "/2015-03-31/functions/{FunctionName}/configuration", "GetFunctionConfiguration"],
  ["GET", "/2017-03-31/tags/{Resource}", "ListTags"],
];

function lambdaTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace("Z", "+0000");
}

function fn(ctx: CallContext, ref: string | undefined): LambdaFunction {
  // a name, a full ARN, or a partial ARN ("123456789012:function:name")
  const name = ref?.includes(":function:") ? (ref.split(":function:")[1]?.split(":")[0] ?? "") : (ref ?? "");
  const f = ctx.index.functionByName.get(name);
  if (!f || (ref?.startsWith("arn:") && !ref.startsWith(arns.lambdaFunction(ctx.index.scope, name)))) {
    throw new AwsError(404, "ResourceNotFoundException", `Function not found: ${arns.lambdaFunction(ctx.index.scope, name)}`);
  }
  return f;
}

function configuration(ctx: CallContext, f: LambdaFunction) {
  return {
    FunctionName: f.name,
    FunctionArn: arns.lambdaFunction(ctx.index.scope, f.name),
    Runtime: f.runtime,
    Role: f.roleArn,
    Handler: f.handler,
    CodeSize: f.codeSize,
    Description: f.description,
    Timeout: f.timeout,
    MemorySize: f.memorySize,
    LastModified: lambdaTime(f.lastModified),
    CodeSha256: f.codeSha256,
    Version: "$LATEST",
    Environment: Object.keys(f.environment).length > 0 ? { Variables: f.environment } : undefined,
    KMSKeyArn: f.kmsKeyArn,
    TracingConfig: { Mode: "PassThrough" },
    RevisionId: uuidFrom(`lambda-revision/${ctx.region}/${f.name}`),
    State: "Active",
    LastUpdateStatus: "Successful",
    PackageType: "Zip",
    Architectures: f.architectures,
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: "None", OptimizationStatus: "Off" },
    LoggingConfig: { LogFormat: "Text", LogGroup: `/aws/lambda/${f.name}` },
  };
}

const handlers: Record<string, OperationHandler> = {
  ListFunctions(ctx) {
    const raw = ctx.query.get("MaxItems");
    const max = raw === undefined ? 50 : Number(raw);
    if (!Number.isInteger(max) || max < 1 || max > 10_000) throw new AwsError(400, "InvalidParameterValueException", "MaxItems must be between 1 and 10000");
    const size = Math.min(max, 50);
    const listing = `ListFunctions|${ctx.region}`;
    const offset = decodeToken(listing, ctx.query.get("Marker"));
    if (offset === null) throw new AwsError(400, "InvalidParameterValueException", "Invalid pagination marker");
    const page = slicePage(ctx.index.data.lambdaFunctions, offset, size);
    return jsonReply("restJson", ctx.requestId, {
      Functions: page.items.map((f) => configuration(ctx, f)),
      NextMarker: page.nextOffset === undefined ? undefined : encodeToken(listing, page.nextOffset),
    });
  },

  GetFunction(ctx) {
    const f = fn(ctx, ctx.labels.FunctionName);
    return jsonReply("restJson", ctx.requestId, {
      Configuration: configuration(ctx, f),
      Code: { RepositoryType: "S3", Location: `https://awslambda-${ctx.region}-tasks.s3.${ctx.region}.amazonaws.com/snapshots/${ctx.accountId}/${f.name}-${uuidFrom(f.name)}` },
      Tags: f.tags,
    });
  },

  GetFunctionConfiguration(ctx) {
    return jsonReply("restJson", ctx.requestId, configuration(ctx, fn(ctx, ctx.labels.FunctionName)));
  },

  ListTags(ctx) {
    const f = fn(ctx, ctx.labels.Resource);
    return jsonReply("restJson", ctx.requestId, { Tags: f.tags });
  },
};

const route = compileRoutes(ROUTES);

export const lambdaService: ServiceDefinition = {
  id: "lambda",
  signingNames: ["lambda"],
  meta: { protocol: "restJson" },
  errors: withErrors(REST_JSON_ERRORS, {
    throttling: { status: 429, code: "TooManyRequestsException", message: "Rate exceeded" },
    internal: { status: 500, code: "ServiceException", message: "An internal error occurred." },
  }),
  resolve: (call) => route(call.method, call.rawPath),
  handlers,
};

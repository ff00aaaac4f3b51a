/**
 * Builds a ServiceDefinition for an awsJson1_0 / awsJson1_1 service: POST / with the operation
 * in X-Amz-Target ("Prefix.Operation") and the input as a JSON body.
 */
import { AwsError, jsonReply, type WireProtocol } from "./protocol";
import type { CallContext, ServiceDefinition, ServiceErrors } from "./service-types";

export type JsonHandler = (ctx: CallContext, input: Record<string, unknown>) => unknown;

export interface JsonServiceSpec {
  id: string;
  signingNames: readonly string[];
  protocol: Extract<WireProtocol, "awsJson1_0" | "awsJson1_1">;
  errorTypePrefix?: string;
  queryCompatible?: boolean;
  errors: ServiceErrors;
  handlers: Record<string, JsonHandler>;
}

export function defineJsonService(spec: JsonServiceSpec): ServiceDefinition {
  const handlers: ServiceDefinition["handlers"] = {};
  for (const [operation, handler] of Object.entries(spec.handlers)) {
    handlers[operation] = async (ctx) => jsonReply(spec.protocol, ctx.requestId, await handler(ctx, ctx.input));
  }
  return {
    id: spec.id,
    signingNames: spec.signingNames,
    meta: { protocol: spec.protocol, errorTypePrefix: spec.errorTypePrefix, queryCompatible: spec.queryCompatible },
    errors: spec.errors,
    handlers,
    resolve(call) {
      const target = call.headers["x-amz-target"];
      if (call.method !== "POST" || typeof target !== "string") return null;
      const operation = target.slice(target.lastIndexOf(".") + 1);
      if (!Object.hasOwn(handlers, operation)) return { operation };
      let input: unknown;
      try {
        input = call.body.length === 0 ? {} : JSON.parse(call.body.toString("utf8"));
      } catch {
        throw new AwsError(400, "SerializationException", "Start of structure or map found where not expected.");
      }
      if (typeof input !== "object" || input === null || Array.isArray(input)) throw new AwsError(400, "SerializationException", "The request body must be a JSON object.");
      return { operation, input: input as Record<string, unknown> };
    },
  };
}

/** A string member of a JSON input, or undefined; anything else is the service's ValidationException. */
export function str(input: Record<string, unknown>, name: string, code = "ValidationException"): string | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw new AwsError(400, code, `1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must be a string`);
  return v;
}

/** An integer member within [min, max], or the fallback when absent. */
export function int(input: Record<string, unknown>, name: string, min: number, max: number, fallback: number, code = "ValidationException"): number {
  const v = input[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "number" || !Number.isInteger(v)) throw new AwsError(400, code, `1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must be an integer`);
  if (v < min) throw new AwsError(400, code, `1 validation error detected: Value '${v}' at '${name}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`);
  if (v > max) throw new AwsError(400, code, `1 validation error detected: Value '${v}' at '${name}' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
  return v;
}

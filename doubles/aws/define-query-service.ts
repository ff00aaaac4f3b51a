/**
 * Builds a ServiceDefinition for an awsQuery service (IAM, STS, SNS): form-encoded parameters
 * with Action and Version, answered with <ActionResponse><ActionResult> XML.
 */
import { AwsError, queryReply } from "./protocol";
import type { CallContext, ServiceDefinition, ServiceErrors } from "./service-types";

export type QueryHandler = (ctx: CallContext, params: QueryParams) => string;

export class QueryParams {
  private readonly values: Map<string, string>;

  constructor(values: Map<string, string>) {
    this.values = values;
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  required(name: string): string {
    const v = this.values.get(name);
    if (v === undefined || v === "") throw new AwsError(400, "ValidationError", `1 validation error detected: Value null at '${name[0]?.toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
    return v;
  }

  int(name: string, min: number, max: number, fallback: number): number {
    const raw = this.values.get(name);
    if (raw === undefined) return fallback;
    const v = Number(raw);
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new AwsError(400, "ValidationError", `1 validation error detected: Value '${raw}' at '${name}' failed to satisfy constraint: Member must have value between ${min} and ${max}`);
    }
    return v;
  }
}

export interface QueryServiceSpec {
  id: string;
  signingNames: readonly string[];
  xmlNamespace: string;
  global?: boolean;
  errors: ServiceErrors;
  /** Each handler returns the XML inside <ActionResult>. */
  handlers: Record<string, QueryHandler>;
}

function parseForm(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(text)) if (!out.has(k)) out.set(k, v);
  return out;
}

export function defineQueryService(spec: QueryServiceSpec): ServiceDefinition {
  const meta = { protocol: "awsQuery" as const, xmlNamespace: spec.xmlNamespace };
  const handlers: ServiceDefinition["handlers"] = {};
  for (const [operation, handler] of Object.entries(spec.handlers)) {
    handlers[operation] = (ctx: CallContext) =>
      queryReply(meta, ctx.requestId, operation, handler(ctx, new QueryParams(new Map(Object.entries(ctx.input as Record<string, string>)))));
  }
  return {
    id: spec.id,
    signingNames: spec.signingNames,
    meta,
    global: spec.global,
    errors: spec.errors,
    handlers,
    resolve(call) {
      if (call.rawPath !== "/" && call.rawPath !== "") return null;
      const params = call.method === "POST" ? parseForm(call.body.toString("utf8")) : call.method === "GET" ? call.query : null;
      const action = params?.get("Action");
      if (!params || !action) return null;
      return { operation: action, input: Object.fromEntries(params) };
    },
  };
}

/**
 * Reads one IoT policy document into statements the translation can use, or a clear error for the
 * policy: not JSON, not the policy grammar (lib/aws/check-policy-document.ts), too large, an action
 * IoT policies do not have, or a resource that is neither `*` nor an ARN. Action names compare
 * without regard to case, as IAM does; action wildcards (`iot:*`, `iot:Get*`) are expanded.
 */
import { checkPolicyDocument } from "@/lib/aws/check-policy-document";
import { coverPolicyGlob } from "@/lib/mapping/policies/cover-policy-glob";
import { intersectPolicyGlobs } from "@/lib/mapping/policies/intersect-policy-globs";
import {
  IOT_POLICY_ACTIONS,
  type IotPolicyAction,
  type ParsedPolicy,
  type PolicyInput,
  type PolicyStatement,
} from "@/lib/mapping/policies/policy-translation-types";

/**
 * AWS's own limit (CreatePolicy API reference: "a maximum length of 2048, excluding whitespace"):
 * a stored document past it did not come from AWS as it is, so it is refused, not read.
 */
export const MAX_POLICY_DOCUMENT_NON_WHITESPACE = 2_048;
/** Our guard before counting: past 64 KiB of text (whitespace included) the document is not read at all. */
export const MAX_POLICY_DOCUMENT_CHARS = 65_536;
/** Our guard: AWS IoT topics are at most 256 bytes; a resource past this is not a real one. */
export const MAX_RESOURCE_CHARS = 1_024;

const LOWER_ACTIONS = IOT_POLICY_ACTIONS.map((action) => action.toLowerCase());

type ActionRead = { ok: true; actions: IotPolicyAction[]; foreign: string[] } | { ok: false; action: string };

function readActions(list: readonly string[]): ActionRead {
  const actions = new Set<IotPolicyAction>();
  const foreign: string[] = [];
  for (const raw of list) {
    const action = raw.trim().toLowerCase();
    const wild = action.includes("*") || action.includes("?");
    const matched = IOT_POLICY_ACTIONS.filter((_, i) => (wild ? coverPolicyGlob(action, LOWER_ACTIONS[i]!) : action === LOWER_ACTIONS[i]));
    if (matched.length > 0) {
      matched.forEach((m) => actions.add(m));
      continue;
    }
    const service = action.includes(":") ? action.slice(0, action.indexOf(":")) : action;
    if (!intersectPolicyGlobs(service, "iot")) {
      foreign.push(raw);
      continue;
    }
    return { ok: false, action: raw };
  }
  return { ok: true, actions: IOT_POLICY_ACTIONS.filter((a) => actions.has(a)), foreign };
}

function resourceProblem(resource: string): string | null {
  if (resource.length > MAX_RESOURCE_CHARS) return `a resource of ${resource.length} characters (more than ${MAX_RESOURCE_CHARS})`;
  if (resource === "*") return null;
  if (!resource.startsWith("arn:")) return `the resource "${resource.slice(0, 80)}" is neither "*" nor an ARN`;
  if (resource.split(":").length < 6) return `the resource "${resource.slice(0, 80)}" is not a complete ARN`;
  return null;
}

const asList = (value: unknown): string[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? (value as string[]) : [value as string]);

export function parseIotPolicy(policy: PolicyInput): ParsedPolicy {
  const name = policy.name;
  const text: unknown = policy.document;
  if (text !== null && text !== undefined && typeof text !== "string") {
    return { ok: false, name, code: "MalformedPolicy", message: `The document of policy "${name}" is not text (${typeof text}); it was not translated.` };
  }
  if (typeof text === "string" && text.length > MAX_POLICY_DOCUMENT_CHARS) {
    return { ok: false, name, code: "PolicyTooLarge", message: `The document of policy "${name}" has ${text.length} characters, more than the ${MAX_POLICY_DOCUMENT_CHARS} this translation reads; it was not translated.` };
  }
  if (typeof text === "string") {
    const significant = text.replace(/\s/g, "").length;
    if (significant > MAX_POLICY_DOCUMENT_NON_WHITESPACE) {
      return { ok: false, name, code: "PolicyTooLarge", message: `The document of policy "${name}" has ${significant} characters besides whitespace, more than the ${MAX_POLICY_DOCUMENT_NON_WHITESPACE} AWS allows; it was not translated.` };
    }
  }
  const check = checkPolicyDocument(text);
  if (!check.ok) return { ok: false, name, code: "MalformedPolicy", message: `The document of policy "${name}" cannot be read: ${check.reason}.` };
  const raw = check.document.Statement;
  const list = Array.isArray(raw) ? raw : [raw];
  const statements: PolicyStatement[] = [];
  for (const [index, entry] of list.entries()) {
    const usesNotAction = entry.NotAction !== undefined;
    const read = readActions(asList(entry.Action) ?? []);
    if (!read.ok) {
      return { ok: false, name, code: "UnknownAction", message: `Statement ${index + 1} of policy "${name}" names the action "${read.action.slice(0, 80)}", which AWS IoT policies do not have; the policy was not translated.` };
    }
    const usesNotResource = entry.NotResource !== undefined;
    const resources = usesNotResource ? null : (asList(entry.Resource) ?? []);
    for (const resource of resources ?? []) {
      const problem = resourceProblem(resource);
      if (problem) return { ok: false, name, code: "MalformedResource", message: `Statement ${index + 1} of policy "${name}" has ${problem}; the policy was not translated.` };
    }
    const sid = typeof entry.Sid === "string" ? entry.Sid : null;
    const compact = JSON.stringify(entry);
    statements.push({
      policyName: name,
      index,
      sid,
      effect: entry.Effect,
      actions: read.actions,
      foreignActions: read.foreign,
      resources,
      usesNotAction,
      usesNotResource,
      hasCondition: entry.Condition !== undefined,
      text: compact.length > 500 ? `${compact.slice(0, 497)}...` : compact,
    });
  }
  return { ok: true, name, statements };
}

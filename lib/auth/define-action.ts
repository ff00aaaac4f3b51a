import "server-only";
import { headers } from "next/headers";
import type { z, ZodType } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { authorise, authorisePlan, type Access, type Authorised } from "@/lib/auth/authorise";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { contextFromHeaders, type RequestContext } from "@/lib/request-context";
import { AppError, errorPayload, reasonText, type ActionResult } from "@/lib/errors";
import type { LoadedScope, PlanLocator } from "@/lib/plans/scoped-plan";
import { logger } from "@/lib/log";

export type { ActionResult };

export interface ActionContext<User = SessionUser> {
  user: User;
  request: RequestContext;
}

export interface ActionAudit<Input, Output> {
  /** What the audit log calls this action, e.g. "user.change_role". */
  action: string;
  target?: (input: Input, output?: Output) => { type: string; id?: string | null } | null;
  planId?: (input: Input, output?: Output) => string | null;
  details?: (input: Input, output?: Output) => Record<string, unknown>;
}

interface CoreOptions<Input, Output> {
  access: Access;
  input: ZodType;
  audit: ActionAudit<Input, Output> | null;
  /** The plan the action is about, for plan-scoped actions. */
  locate?: (input: Input) => PlanLocator;
  run: (input: Input, ctx: ActionContext<SessionUser | null> & Partial<LoadedScope>) => Promise<Output>;
}

/**
 * The one body of every server action: checks access through authorise() (so calling the action
 * by its id from anywhere meets the same check), validates its input with zod, loads the plan
 * within the user's organisation for plan-scoped actions, runs it, and writes the audit entry for
 * success, refusal or failure. Errors come back as a code, a reason and its parameters; the
 * detail goes to the server log.
 */
function actionCore<Input, Output>(options: CoreOptions<Input, Output>): (raw: unknown) => Promise<ActionResult<Output>> {
  return async (raw) => {
    const h = await headers();
    const request = contextFromHeaders(h);
    const fail = (err: AppError, fields?: Record<string, string>): ActionResult<Output> => ({ ok: false, error: errorPayload(err, request.requestId, fields) });
    const auditAction = options.audit?.action ?? "action";
    let user: SessionUser | null;
    try {
      user = await authorise(options.access, { headers: h, context: request, refusal: { action: auditAction }, auditAnonymous: options.audit !== null });
    } catch (err) {
      if (err instanceof AppError) return fail(err);
      throw err;
    }
    const parsed = options.input.safeParse(raw);
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "input", i.message]));
      return fail(new AppError("VALIDATION_FAILED", "requestInvalid"), fields);
    }
    const input = parsed.data as Input;
    const actor = user ? { id: user.id, email: user.email, role: user.role } : null;
    let scope: LoadedScope | undefined;
    try {
      if (options.locate) scope = await authorisePlan(user!, options.locate(input));
      const output = await options.run(input, { user, request, ...scope });
      if (options.audit) {
        await recordAuditEvent({
          actor,
          action: options.audit.action,
          outcome: "success",
          target: options.audit.target?.(input, output) ?? null,
          planId: options.audit.planId?.(input, output) ?? scope?.plan.id ?? null,
          context: request,
          details: options.audit.details?.(input, output) ?? null,
        });
      }
      return { ok: true, data: output };
    } catch (err) {
      const appError = err instanceof AppError ? err : null;
      if (!appError || appError.status >= 500) logger().error({ err, requestId: request.requestId, action: auditAction }, "server action failed");
      if (options.audit) {
        await recordAuditEvent({
          actor,
          action: options.audit.action,
          outcome: "failure",
          target: options.audit.target?.(input) ?? null,
          planId: scope?.plan.id ?? options.audit.planId?.(input) ?? null,
          context: request,
          details: { code: appError?.code ?? "INTERNAL", ...(appError ? { reason: appError.reason } : {}) },
        }).catch(() => undefined);
      }
      return appError ? fail(appError) : { ok: false, error: { code: "INTERNAL", reason: "internal", message: reasonText("internal"), requestId: request.requestId } };
    }
  };
}

/**
 * A server action that is not about one plan (users, connections, creating a plan, the user's
 * own preferences). `permission` is a permission of the table, "self" (any signed-in user, for
 * their own preferences) or "public" (no session needed). `audit: null` records nothing on
 * success (preferences); refusals of a permission are always recorded.
 */
export function defineAction<Schema extends ZodType, Output, A extends Access = Access>(options: {
  permission: A;
  input: Schema;
  run: (input: z.infer<Schema>, ctx: ActionContext<Authorised<A>>) => Promise<Output>;
  audit: ActionAudit<z.infer<Schema>, Output> | null;
}): (raw: z.input<Schema>) => Promise<ActionResult<Output>> {
  return actionCore<z.infer<Schema>, Output>({
    access: options.permission,
    input: options.input,
    audit: options.audit,
    run: (input, ctx) => options.run(input, ctx as ActionContext<Authorised<A>>),
  });
}

/** What a plan-scoped action is handed besides its input. */
export type PlanActionContext = ActionContext & LoadedScope;

/**
 * A server action about one plan: its input names the plan (its id, or a scan or resource of it,
 * through `plan`), the plan is loaded within the user's organisation before `run`, and `run` is
 * handed it (ctx.plan, ctx.scan), so it cannot forget the tenant check. The audit entry carries
 * the plan. Another organisation's plan is NOT_FOUND, as one that does not exist.
 */
export function definePlanAction<Schema extends ZodType, Output>(options: {
  permission: Access & string;
  input: Schema;
  plan: (input: z.infer<Schema>) => PlanLocator;
  run: (input: z.infer<Schema>, ctx: PlanActionContext) => Promise<Output>;
  audit: ActionAudit<z.infer<Schema>, Output>;
}): (raw: z.input<Schema>) => Promise<ActionResult<Output>> {
  return actionCore<z.infer<Schema>, Output>({
    access: options.permission,
    input: options.input,
    audit: options.audit,
    locate: options.plan,
    run: (input, ctx) => options.run(input, ctx as PlanActionContext),
  });
}

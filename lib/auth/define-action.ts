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
import { transaction } from "@/lib/db";

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
  transaction: boolean;
}

/**
 * Whether an action runs in one database transaction with its audit entry (the default), or
 * not. `false` is for an action that waits on the network (testing a connection calls AWS for up
 * to a minute), which must not hold a transaction, on the embedded database least of all: its
 * change commits first and its audit entry is written after.
 */
export type ActionTransaction = boolean;

/**
 * The one body of every server action: checks access through authorise() (so calling the action
 * by its id from anywhere meets the same check), validates its input with zod, loads the plan
 * within the user's organisation for plan-scoped actions, runs it, and writes the audit entry for
 * success, refusal or failure. The run and its success entry are one transaction (lib/db.ts
 * `transaction()`): if the entry cannot be written, the change is rolled back and the action
 * fails, so a change that happened is never logged as failed and none happens unlogged. Errors
 * come back as a code, a reason and its parameters; the detail goes to the server log.
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
    const audit = options.audit;
    const recordSuccess = (output: Output) =>
      audit
        ? recordAuditEvent({
            actor,
            action: audit.action,
            outcome: "success",
            target: audit.target?.(input, output) ?? null,
            planId: audit.planId?.(input, output) ?? scope?.plan.id ?? null,
            context: request,
            details: audit.details?.(input, output) ?? null,
          })
        : Promise.resolve();
    const runOnce = async () => {
      if (options.locate) scope = await authorisePlan(user!, options.locate(input));
      return options.run(input, { user, request, ...scope });
    };
    try {
      if (options.transaction && audit) {
        const output = await transaction(async () => {
          const out = await runOnce();
          await recordSuccess(out);
          return out;
        });
        return { ok: true, data: output };
      }
      const output = await runOnce();
      // Without a transaction the change has committed: an audit entry that cannot be written
      // now is the server's problem to report, not a failure of the change.
      await recordSuccess(output).catch((err) =>
        logger().error({ err, requestId: request.requestId, action: auditAction }, "the action's change was made but its audit entry could not be written"),
      );
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
  /** Run and audit in one transaction (default true); see ActionTransaction. */
  transaction?: ActionTransaction;
}): (raw: z.input<Schema>) => Promise<ActionResult<Output>> {
  return actionCore<z.infer<Schema>, Output>({
    access: options.permission,
    input: options.input,
    audit: options.audit,
    transaction: options.transaction ?? true,
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
  /** Run and audit in one transaction (default true); see ActionTransaction. */
  transaction?: ActionTransaction;
}): (raw: z.input<Schema>) => Promise<ActionResult<Output>> {
  return actionCore<z.infer<Schema>, Output>({
    access: options.permission,
    input: options.input,
    audit: options.audit,
    transaction: options.transaction ?? true,
    locate: options.plan,
    run: (input, ctx) => options.run(input, ctx as PlanActionContext),
  });
}

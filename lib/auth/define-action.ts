import "server-only";
import { z, type ZodType } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { lookupSession, type SessionUser } from "@/lib/auth/session";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requestContext, type RequestContext } from "@/lib/request-context";
import { AppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/log";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; requestId: string; fields?: Record<string, string> } };

export interface ActionContext {
  user: SessionUser;
  request: RequestContext;
}

export interface ActionAudit<Input, Output> {
  /** What the audit log calls this action, e.g. "user.change_role". */
  action: string;
  target?: (input: Input, output?: Output) => { type: string; id?: string | null } | null;
  planId?: (input: Input, output?: Output) => string | null;
  details?: (input: Input, output?: Output) => Record<string, unknown>;
}

/**
 * Defines a server action: validates its input with zod, checks the session and the permission
 * on the server (so calling the action by its id from anywhere meets the same check), runs it,
 * and writes the audit entry for success, refusal or failure. Errors come back as a code and a
 * clear message; the detail goes to the server log.
 */
export function defineAction<Schema extends ZodType, Output>(options: {
  permission: Permission;
  input: Schema;
  run: (input: z.infer<Schema>, ctx: ActionContext) => Promise<Output>;
  audit: ActionAudit<z.infer<Schema>, Output>;
}): (raw: z.input<Schema>) => Promise<ActionResult<Output>> {
  const { run } = options;
  return async (raw) => {
    const request = await requestContext();
    const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): ActionResult<Output> => ({
      ok: false,
      error: { code, message, requestId: request.requestId, ...(fields ? { fields } : {}) },
    });
    const session = await lookupSession();
    if (session.status !== "signed-in") {
      await recordAuditEvent({ actor: null, action: options.audit.action, outcome: "denied", context: request, details: { reason: session.status } });
      return session.status === "expired"
        ? fail("SESSION_EXPIRED", "Your session has expired. Sign in again.")
        : fail("UNAUTHENTICATED", "Sign in to continue.");
    }
    const { user } = session;
    const actor = { id: user.id, email: user.email, role: user.role };
    if (user.mustChangePassword) {
      await recordAuditEvent({ actor, action: options.audit.action, outcome: "denied", context: request, details: { reason: "password-change-required" } });
      return fail("PASSWORD_CHANGE_REQUIRED", "Choose your own password first.");
    }
    if (!can(user.role, options.permission)) {
      await recordAuditEvent({ actor, action: options.audit.action, outcome: "denied", context: request, details: { permission: options.permission } });
      return fail("FORBIDDEN", "Your role does not allow this.");
    }
    const parsed = options.input.safeParse(raw);
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "input", i.message]));
      return fail("VALIDATION_FAILED", "Some fields are not valid.", fields);
    }
    const input = parsed.data;
    try {
      const output = await run(input, { user, request });
      await recordAuditEvent({
        actor,
        action: options.audit.action,
        outcome: "success",
        target: options.audit.target?.(input, output) ?? null,
        planId: options.audit.planId?.(input, output) ?? null,
        context: request,
        details: options.audit.details?.(input, output) ?? null,
      });
      return { ok: true, data: output };
    } catch (err) {
      const appError = err instanceof AppError ? err : null;
      if (!appError) logger().error({ err, requestId: request.requestId, action: options.audit.action }, "server action failed");
      await recordAuditEvent({
        actor,
        action: options.audit.action,
        outcome: "failure",
        target: options.audit.target?.(input) ?? null,
        planId: options.audit.planId?.(input) ?? null,
        context: request,
        details: { code: appError?.code ?? "INTERNAL" },
      }).catch(() => undefined);
      return appError
        ? fail(appError.code, appError.message)
        : fail("INTERNAL", "Something went wrong on our side. The request id identifies it in the server log.");
    }
  };
}

import "server-only";
import { ZodError } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { lookupSession, type SessionUser } from "@/lib/auth/session";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { contextFromHeaders, type RequestContext } from "@/lib/request-context";
import { AppError, type ErrorBody } from "@/lib/errors";
import { logger } from "@/lib/log";

export interface HandlerContext<Params> {
  user: SessionUser;
  params: Params;
  request: RequestContext;
}

/** Turns any error into a response with a code and a clear message; the detail goes to the log. */
export function errorResponse(err: unknown, request: RequestContext): Response {
  if (err instanceof AppError) {
    if (err.status >= 500) logger().error({ err, requestId: request.requestId }, err.message);
    const body: ErrorBody = { error: { code: err.code, message: err.message, requestId: request.requestId } };
    return Response.json(body, { status: err.status, headers: { "x-request-id": request.requestId } });
  }
  if (err instanceof ZodError) {
    const fields = Object.fromEntries(err.issues.map((i) => [i.path.join(".") || "input", i.message]));
    const body: ErrorBody = {
      error: { code: "VALIDATION_FAILED", message: "The request is not valid.", requestId: request.requestId, fields },
    };
    return Response.json(body, { status: 400, headers: { "x-request-id": request.requestId } });
  }
  logger().error({ err, requestId: request.requestId }, "unhandled error in route handler");
  const body: ErrorBody = {
    error: { code: "INTERNAL", message: "Something went wrong on our side. The request id identifies it in the server log.", requestId: request.requestId },
  };
  return Response.json(body, { status: 500, headers: { "x-request-id": request.requestId } });
}

/**
 * Wraps a route handler: checks the session and the permission where the data is read, writes
 * refusals to the audit log, and answers errors with a code, never with raw error text.
 */
export function withPermission<Params = Record<string, string>>(
  permission: Permission,
  handler: (req: Request, ctx: HandlerContext<Params>) => Promise<Response>,
) {
  return async (req: Request, routeContext: { params: Promise<Params> }): Promise<Response> => {
    const request = contextFromHeaders(req.headers);
    try {
      const session = await lookupSession(req.headers);
      if (session.status !== "signed-in") {
        throw session.status === "expired"
          ? new AppError("SESSION_EXPIRED", "Your session has expired. Sign in again.")
          : new AppError("UNAUTHENTICATED", "Sign in to continue.");
      }
      const refuse = async (details: Record<string, string>) =>
        recordAuditEvent({
          actor: { id: session.user.id, email: session.user.email, role: session.user.role },
          action: "access.api",
          outcome: "denied",
          target: { type: "route", id: `${req.method} ${new URL(req.url).pathname}` },
          context: request,
          details,
        });
      if (session.user.mustChangePassword) {
        await refuse({ reason: "password-change-required" });
        throw new AppError("PASSWORD_CHANGE_REQUIRED", "Choose your own password first.");
      }
      if (!can(session.user.role, permission)) {
        await refuse({ permission });
        throw new AppError("FORBIDDEN", "Your role does not allow this.");
      }
      const params = (await routeContext?.params) ?? ({} as Params);
      return await handler(req, { user: session.user, params, request });
    } catch (err) {
      return errorResponse(err, request);
    }
  };
}

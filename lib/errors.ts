/**
 * Errors with codes and reasons (CONVENTIONS: Documenso's AppError). An error carries
 * - a code (what kind of failure, and the HTTP status it maps to),
 * - a reason key (which failure exactly: `planNoConnection`, `scanStillRunning`...), and
 * - the reason's parameters (`{ regions: "eu-west-9" }`).
 * The browser shows the reason's message in the user's language (messages/<locale>.json,
 * `errors.reasons.<reason>`) with the code and the request id; the server log gets the detail.
 * Raw error text and stack traces never reach a browser.
 */
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";

export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Every reason an error can give; each has a message in every language (lib/i18n/messages.test.ts). */
export type ErrorReason = keyof typeof en.errors.reasons;

export type ErrorParams = Record<string, string | number>;

const english = createTranslator({ locale: "en", messages: en, namespace: "errors.reasons" });

/** The English text of a reason (logs, the command line, the `message` field of API errors). */
export function reasonText(reason: ErrorReason, params: ErrorParams = {}): string {
  try {
    return english(reason, params);
  } catch {
    return en.errors.reasons[reason] ?? reason;
  }
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly reason: ErrorReason,
    readonly params: ErrorParams = {},
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(reasonText(reason, params), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
    this.details = options.details;
  }
  readonly details?: Record<string, unknown>;
}

/** What a route handler or a server action answers on failure. */
export interface ErrorPayload {
  code: ErrorCode;
  reason: ErrorReason;
  params?: ErrorParams;
  /** English text of the reason, for clients that do not translate (scripts, curl). */
  message: string;
  requestId?: string;
  fields?: Record<string, string>;
}

/** What a server action answers. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

export interface ErrorBody {
  error: ErrorPayload;
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** The payload of an AppError, with the request id of the request it answered. */
export function errorPayload(err: AppError, requestId?: string, fields?: Record<string, string>): ErrorPayload {
  return {
    code: err.code,
    reason: err.reason,
    ...(Object.keys(err.params).length > 0 ? { params: err.params } : {}),
    message: err.message,
    ...(requestId ? { requestId } : {}),
    ...(fields ? { fields } : {}),
  };
}

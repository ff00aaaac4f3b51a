import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deriveKey } from "@/lib/secrets";
import { hashPassword, verifyPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { contextFromHeaders } from "@/lib/request-context";
import { clearSignInFailures, countSignInAttempt } from "@/lib/auth/account-sign-in-limit";

/**
 * Sign-in and sessions, with better-auth (docs/decisions/0003-auth-library.md): email and
 * password hashed with Argon2id, sessions stored in Postgres, sign-in limited per client address
 * and per account (the counters are in Postgres too, so every web process shares them), no self
 * sign-up: admins create users.
 *
 * A browser may sign in only from the app's own address (better-auth's origin check): the
 * origin of SILKROUTE_URL, or without it the loopback addresses on PORT. Session cookies are
 * Secure when that address is https. The client address is the one scripts/web-server.ts
 * resolved through the trusted proxy hops, the same one the audit log records.
 */

/** The error codes of sign-in refusals that the sign-in page explains (components/auth/sign-in-form.tsx). */
export const SIGN_IN_REFUSALS = { disabled: "ACCOUNT_DISABLED", locked: "ACCOUNT_LOCKED" } as const;

const normalisedEmail = (body: unknown): string => {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.toLowerCase() : "";
};

export const SESSION_COOKIE_PREFIX = "silkroute";

function createAuth() {
  const config = env();
  return betterAuth({
    appName: "Silkroute",
    baseURL: config.baseUrl,
    trustedOrigins: config.trustedOrigins,
    secret: deriveKey("auth-sessions").toString("base64"),
    database: prismaAdapter(db(), { provider: "postgresql", transaction: true }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      additionalFields: {
        organizationId: { type: "string", required: true, input: false },
        role: { type: "string", required: true, input: false, defaultValue: "viewer" },
        locale: { type: "string", required: false, input: false },
        disabled: { type: "boolean", required: false, input: false, defaultValue: false },
        mustChangePassword: { type: "boolean", required: false, input: false, defaultValue: false },
      },
    },
    session: {
      expiresIn: config.SILKROUTE_SESSION_HOURS * 3600,
      updateAge: 15 * 60,
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: config.SILKROUTE_SIGNIN_WINDOW_SECONDS, max: config.SILKROUTE_SIGNIN_MAX_ATTEMPTS },
        "/change-password": { window: 60, max: 5 },
      },
    },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: config.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      // scripts/web-server.ts leaves exactly one address here, resolved through
      // SILKROUTE_TRUSTED_PROXIES; better-auth accepts a single-valued header only.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
      database: { generateId: () => crypto.randomUUID() },
    },
    databaseHooks: {
      session: {
        create: {
          // Only after the password was found right: a disabled account answers a wrong password
          // as any other account does, so "disabled" tells nothing to someone without it.
          // Read through better-auth's own adapter: a password change creates its session inside
          // better-auth's transaction, and on the embedded database a query on another
          // connection would wait for that transaction to end.
          before: async (session, endpoint) => {
            const user = endpoint
              ? ((await endpoint.context.internalAdapter.findUserById(session.userId)) as { disabled?: boolean } | null)
              : await db().user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            if (user?.disabled) throw new APIError("FORBIDDEN", { message: "This account is disabled.", code: SIGN_IN_REFUSALS.disabled });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = normalisedEmail(ctx.body);
        if (!email) return;
        const decision = await countSignInAttempt(email, {
          maxFailures: config.SILKROUTE_SIGNIN_ACCOUNT_MAX_FAILURES,
          windowSeconds: config.SILKROUTE_SIGNIN_ACCOUNT_WINDOW_SECONDS,
          lockSeconds: config.SILKROUTE_SIGNIN_ACCOUNT_LOCK_SECONDS,
        });
        if (!decision.allowed) {
          await recordAuditEvent({
            actor: { id: null, email: email.slice(0, 320), role: null },
            action: "auth.sign_in",
            outcome: "denied",
            context: ctx.headers ? contextFromHeaders(ctx.headers) : null,
            details: { reason: SIGN_IN_REFUSALS.locked, lockedUntil: decision.lockedUntil.toISOString() },
          });
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { message: "Too many failed sign-ins for this account.", code: SIGN_IN_REFUSALS.locked, retryAfter: decision.retryAfterSeconds },
            { "Retry-After": String(decision.retryAfterSeconds) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const context = ctx.headers ? contextFromHeaders(ctx.headers) : null;
        if (ctx.path === "/sign-in/email") {
          const attempted = normalisedEmail(ctx.body).trim().slice(0, 320) || null;
          const session = ctx.context.newSession;
          if (session) {
            const user = session.user as { id: string; email: string; role?: string };
            await clearSignInFailures(normalisedEmail(ctx.body));
            await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
            await recordAuditEvent({
              actor: { id: user.id, email: user.email, role: user.role ?? null },
              action: "auth.sign_in",
              outcome: "success",
              target: { type: "session", id: session.session.id },
              context,
            });
          } else {
            const returned = ctx.context.returned;
            const reason = returned instanceof APIError ? (returned.body?.code ?? returned.status) : "UNKNOWN";
            // A locked account was recorded as it was refused, before the password was read.
            if (reason === SIGN_IN_REFUSALS.locked) return;
            await recordAuditEvent({
              actor: { id: null, email: attempted, role: null },
              action: "auth.sign_in",
              outcome: reason === SIGN_IN_REFUSALS.disabled ? "denied" : "failure",
              context,
              details: { reason: String(reason) },
            });
          }
        }
        if (ctx.path === "/sign-out") {
          const session = ctx.context.session;
          const user = session?.user as { id: string; email: string; role?: string } | undefined;
          await recordAuditEvent({
            actor: user ? { id: user.id, email: user.email, role: user.role ?? null } : null,
            action: "auth.sign_out",
            outcome: "success",
            context,
          });
        }
        if (ctx.path === "/change-password") {
          const session = ctx.context.session;
          const user = session?.user as { id: string; email: string; role?: string } | undefined;
          const failed = ctx.context.returned instanceof APIError;
          // Their own password now: the one someone else chose no longer holds them back.
          if (!failed && user) await db().user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
          await recordAuditEvent({
            actor: user ? { id: user.id, email: user.email, role: user.role ?? null } : null,
            action: "auth.change_password",
            outcome: failed ? "failure" : "success",
            target: user ? { type: "user", id: user.id } : null,
            context,
          });
        }
      }),
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const g = globalThis as typeof globalThis & { __silkrouteAuth?: Auth };

export function auth(): Auth {
  g.__silkrouteAuth ??= createAuth();
  return g.__silkrouteAuth;
}

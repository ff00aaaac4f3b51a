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

/**
 * Sign-in and sessions, with better-auth (docs/decisions/0003-auth-library.md): email and
 * password hashed with Argon2id, sessions stored in Postgres, rate-limited sign-in (the counters
 * are in Postgres too, so every web process shares them), no self sign-up: admins create users.
 */

export const SESSION_COOKIE_PREFIX = "silkroute";

function createAuth() {
  const config = env();
  return betterAuth({
    appName: "Silkroute",
    baseURL: config.baseUrl,
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
      useSecureCookies: config.NODE_ENV === "production",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
      database: { generateId: () => crypto.randomUUID() },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : "";
        if (!email) return;
        const user = await db().user.findUnique({ where: { email }, select: { disabled: true } });
        if (user?.disabled) {
          await recordAuditEvent({
            actor: { id: null, email, role: null },
            action: "auth.sign_in",
            outcome: "denied",
            context: ctx.headers ? contextFromHeaders(ctx.headers) : null,
            details: { reason: "ACCOUNT_DISABLED" },
          });
          throw new APIError("FORBIDDEN", { message: "This account is disabled.", code: "ACCOUNT_DISABLED" });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const context = ctx.headers ? contextFromHeaders(ctx.headers) : null;
        if (ctx.path === "/sign-in/email") {
          const attempted = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase().slice(0, 320) : null;
          const session = ctx.context.newSession;
          if (session) {
            const user = session.user as { id: string; email: string; role?: string };
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
            await recordAuditEvent({
              actor: { id: null, email: attempted, role: null },
              action: "auth.sign_in",
              outcome: "failure",
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

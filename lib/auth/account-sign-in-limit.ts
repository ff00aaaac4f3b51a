import "server-only";
import { sqlQuery } from "@/lib/db";

/**
 * The per-account limit on failed sign-ins (on top of better-auth's per-address limit): after
 * `maxFailures` failed attempts at one email within `windowSeconds`, that email is refused for
 * `lockSeconds`, from every address. The counters are in Postgres (sign_in_account_limits), so
 * every web process shares them.
 *
 * Each attempt is counted before its password is checked and a successful sign-in removes the
 * count, so parallel guesses cannot slip past the limit. The key is the email as typed (lower
 * case), whether or not an account has it: an unknown email, a disabled account and a real one
 * lock alike, so the limit tells no one which emails exist.
 */

export interface AccountLimitSettings {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; lockedUntil: Date };

/** Emails longer than this belong to no account (users.email is at most 320): they are not counted. */
const MAX_KEY_LENGTH = 320;

export function accountLimitKey(email: string): string | null {
  const key = email.toLowerCase();
  return key.length > 0 && key.length <= MAX_KEY_LENGTH ? key : null;
}

/** Counts one attempt at `email`, unless the email is locked: then the attempt is refused and not counted. */
export async function countSignInAttempt(email: string, settings: AccountLimitSettings): Promise<AttemptDecision> {
  const key = accountLimitKey(email);
  if (!key) return { allowed: true };
  const fresh = `(l.locked_until IS NOT NULL OR l.window_started_at <= now() - ($3::int * interval '1 second'))`;
  const failures = `CASE WHEN ${fresh} THEN 1 ELSE l.failures + 1 END`;
  const counted = await sqlQuery<{ failures: number }>(
    `INSERT INTO sign_in_account_limits AS l (email, failures, window_started_at, locked_until, updated_at)
     VALUES ($1, 1, now(), CASE WHEN $2::int <= 1 THEN now() + ($4::int * interval '1 second') END, now())
     ON CONFLICT (email) DO UPDATE SET
       failures = ${failures},
       window_started_at = CASE WHEN ${fresh} THEN now() ELSE l.window_started_at END,
       locked_until = CASE WHEN ${failures} >= $2::int THEN now() + ($4::int * interval '1 second') END,
       updated_at = now()
     WHERE l.locked_until IS NULL OR l.locked_until <= now()
     RETURNING failures`,
    [key, settings.maxFailures, settings.windowSeconds, settings.lockSeconds],
  );
  if (counted.rows.length > 0) {
    // A first failure in a window: a good moment to forget counts nobody needs any more.
    if (Number(counted.rows[0]!.failures) === 1) await pruneStaleCounts(settings);
    return { allowed: true };
  }
  const locked = await sqlQuery<{ locked_until: Date | string; seconds: number | string }>(
    `SELECT locked_until, GREATEST(1, ceil(extract(epoch FROM locked_until - now())))::int AS seconds FROM sign_in_account_limits WHERE email = $1`,
    [key],
  );
  const row = locked.rows[0];
  if (!row) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Number(row.seconds), lockedUntil: new Date(row.locked_until) };
}

/** A successful sign-in: the email's failures are forgotten. */
export async function clearSignInFailures(email: string): Promise<void> {
  const key = accountLimitKey(email);
  if (key) await sqlQuery(`DELETE FROM sign_in_account_limits WHERE email = $1`, [key]);
}

async function pruneStaleCounts(settings: AccountLimitSettings): Promise<void> {
  await sqlQuery(
    `DELETE FROM sign_in_account_limits
     WHERE updated_at < now() - ($1::int * interval '1 second') AND (locked_until IS NULL OR locked_until < now())`,
    [Math.max(settings.windowSeconds, settings.lockSeconds)],
  );
}

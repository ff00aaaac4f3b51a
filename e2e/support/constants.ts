export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_SECRET = "e2e-secret-not-for-production-use-0123456789";
export const E2E_SIGNIN_MAX_ATTEMPTS = 12;

/** Where the end-to-end server writes the address and keys of its stand-in AWS. */
export const STAND_IN_FILE = "test-results/.stand-in.json";

/**
 * A user whose password was chosen for them (as the first admin's one-time password is): the
 * end-to-end server creates it, and it must choose its own before anything else.
 */
export const CHOSEN_FOR_YOU_EMAIL = "chosen-for-you@e2e.local";
export const CHOSEN_FOR_YOU_PASSWORD = "printed-once-0123456789";

/**
 * A second organisation the end-to-end server creates beside the demo one, with its own users,
 * connection, plan and finished scan: the tenant-isolation journey checks that neither sees
 * anything of the other. Its ids are written here.
 */
export const OTHER_ORG_FILE = "test-results/.other-organization.json";
export const OTHER_ORG_PASSWORD = "other-organisation-0123";
export const OTHER_ORG_USERS = { admin: "admin@other-org.e2e.local", viewer: "viewer@other-org.e2e.local" } as const;
export const OTHER_ORG_PLAN_NAME = "Other organisation's fleet";

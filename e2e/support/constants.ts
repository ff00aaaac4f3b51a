export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_SECRET = "e2e-secret-not-for-production-use-0123456789";
/** High enough that the sign-in journeys of a fast run stay under it within one window; the rate-limit spec spends it on purpose. */
export const E2E_SIGNIN_MAX_ATTEMPTS = 40;
/** Failed sign-ins at one account before it is locked (SILKROUTE_SIGNIN_ACCOUNT_MAX_FAILURES). */
export const E2E_ACCOUNT_MAX_FAILURES = 4;

/**
 * A second web server on the same database, configured as a team runs Silkroute behind a proxy:
 * SILKROUTE_URL=https://localhost:<proxy port>, one trusted proxy hop, and a TLS proxy in front
 * (e2e/support/tls-proxy.ts) that appends the client's address to X-Forwarded-For. The web
 * server listens on E2E_PORT + 10; the proxy on a free port the test server writes to
 * PROXIED_FILE (e2e/support/proxied.ts reads it).
 */
export const E2E_PROXIED_UPSTREAM_PORT = E2E_PORT + 10;
export const PROXIED_FILE = "test-results/.proxied.json";

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

/** The demo organisation's plan of the sample estate, scanned and mapped before the server starts (service-map-sample.ts). */
export const SERVICE_MAP_FILE = "test-results/.service-map-sample.json";
export const SERVICE_MAP_PLAN_NAME = "E2E sample estate (mapped)";
export const OTHER_ORG_PASSWORD = "other-organisation-0123";
export const OTHER_ORG_USERS = { admin: "admin@other-org.e2e.local", viewer: "viewer@other-org.e2e.local" } as const;
export const OTHER_ORG_PLAN_NAME = "Other organisation's fleet";

/**
 * Where the end-to-end server writes the address of its database (mode 0600), for specs that store
 * what no journey through the UI can make yet (e.g. a finished mapping run, the service-map spec).
 */
export const DATABASE_FILE = "test-results/.database.json";

import { z } from "zod";

/**
 * The connection form checks its input in the browser with the server's zod schema. zod compiles
 * object parsers with `new Function` when it can, and its probe for that runs when a schema is
 * built; under the page's Content-Security-Policy (no eval) the probe is reported as a violation
 * even though zod catches it. Imported before any schema, this turns the compilation off in the
 * browser; the server keeps it.
 */
if (typeof window !== "undefined") z.config({ jitless: true });

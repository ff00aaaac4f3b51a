/**
 * Import boundaries of Silkroute (CONVENTIONS: "boundaries checked, not hoped for"), checked in
 * `npm test` through `npm run lint`. Data flows one way; the product never depends on its tests or
 * on the cloud stand-ins; nothing imports in a cycle.
 */
const TESTS = "(\\.test\\.tsx?$|\\.int\\.test\\.tsx?$|^lib/testing/|^lib/[a-z-]+/testing/)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Modules import each other in a cycle: split the shared part out (type-only imports excepted).",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "components-not-app",
      severity: "error",
      comment: "components/ never import app/ (app/ holds routes only).",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "lib-not-app",
      severity: "error",
      comment: "lib/ does the work; app/ calls it, never the other way round (tests of a route excepted).",
      from: { path: "^lib/", pathNot: TESTS },
      to: { path: "^app/" },
    },
    {
      name: "product-not-doubles",
      severity: "error",
      comment: "The product never depends on the cloud stand-ins: only tests, test support, scripts and e2e may.",
      from: { path: "^(app|components|lib)/", pathNot: TESTS },
      to: { path: "^doubles/" },
    },
    {
      name: "product-not-tests",
      severity: "error",
      comment: "The product never imports test code, test support, e2e or scripts.",
      from: { path: "^(app|components|lib)/", pathNot: TESTS },
      to: { path: `(^e2e/|^scripts/|${TESTS})` },
    },
    {
      name: "doubles-not-product",
      severity: "error",
      comment: "The stand-ins speak AWS's wire protocols on their own: they never import the product (so a product bug cannot hide in its own test double).",
      from: { path: "^doubles/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^(app|components|lib)/", pathNot: "^lib/testing/server-only-stub" },
    },
    {
      name: "queueing-loads-no-collector",
      severity: "error",
      comment:
        "Queueing, planning and showing a scan (the web process) read the collectors' plans (collectors/*.plan.ts), never their code or an AWS SDK client: those load in the worker only.",
      from: { path: "^lib/(actions/scans/|actions/plans/|jobs/queue\\.ts$|inventory/(start-scan|queue-scan|get-scan-progress|plan-scan|scan-controls)\\.ts$)" },
      to: { path: "(^lib/aws/collectors/|^lib/aws/collector-registry\\.ts$|@aws-sdk/client-)", pathNot: "\\.plan\\.ts$", reachable: true },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing.",
      from: {},
      to: { couldNotResolve: true, pathNot: "^(server-only|next/|node:)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^node_modules/|^\\.next/|^lib/generated/|^test-results/)" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

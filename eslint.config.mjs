// ESLint for Silkroute: typescript-eslint, the React hooks rules, the Next.js rules, and a few
// boundaries the code depends on. Import boundaries and cycles are checked by dependency-cruiser
// (.dependency-cruiser.cjs); both run in `npm test` (`npm run lint`).
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";

export default tseslint.config(
  {
    ignores: ["node_modules/**", ".next/**", "lib/generated/**", "test-results/**", "playwright-report/**", ".data/**", "tmp/**", "next-env.d.ts"],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // A `let` read by a closure before its one assignment (a value filled in once an object exists) stays a let.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read settings through lib/env.ts (the one place that reads process.env)." },
      ],
    },
    settings: { next: { rootDir: "." } },
  },
  {
    // Where reading the environment directly is the point: the settings module, launchers that
    // pass settings to child processes, tests and the stand-ins' command lines.
    files: ["lib/env.ts", "lib/launcher/**", "scripts/**", "e2e/**", "doubles/**", "bin/**", "**/*.test.ts", "lib/testing/**", "playwright.config.ts", "vitest.config.ts", "proxy.ts", "instrumentation.ts", "prisma.config.ts", "next.config.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // React code: the hooks rules (elsewhere a function named use… is not a hook).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/app"], message: "components/ never import app/: move the shared code to lib/ or components/." }] }],
    },
  },
  {
    files: ["**/*.mjs", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);

import { test as base, expect, type Page } from "@playwright/test";
import { storageStateOf, type Role } from "@/e2e/support/roles";

/**
 * `test` with a CSP watch: every page records Content-Security-Policy violations, and a test
 * fails if the page it visited broke the policy it was served with.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`Refused to load (CSP ${e.violatedDirective}): ${e.blockedURI}`);
      });
    });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Runs the tests in this describe block signed in as `role`. */
export function asRole(role: Role) {
  test.use({ storageState: storageStateOf(role) });
}

export async function switchLanguage(page: Page, label: "English" | "简体中文") {
  await page.getByTestId("language-switch").locator("visible=true").first().selectOption({ label });
  await expect(page.locator("html")).toHaveAttribute("lang", label === "English" ? "en" : "zh-CN");
}

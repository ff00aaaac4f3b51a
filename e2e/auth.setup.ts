import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, ROLES, demoEmail, storageStateOf } from "@/e2e/support/roles";

// One signed-in browser state per role, used by the role fixtures.
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel(/email/i).fill(demoEmail(role));
    await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page).toHaveURL(/\/inventory$/);
    await page.context().storageState({ path: storageStateOf(role) });
  });
}

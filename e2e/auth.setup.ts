import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, ROLES, demoEmail, storageStateOf, otherStorageStateOf } from "@/e2e/support/roles";
import { OTHER_ORG_PASSWORD, OTHER_ORG_USERS } from "@/e2e/support/constants";

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

// And the second organisation's admin and viewer (tenant-isolation.spec.ts).
for (const role of ["admin", "viewer"] as const) {
  setup(`sign in as the other organisation's ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel(/email/i).fill(OTHER_ORG_USERS[role]);
    await page.getByLabel(/password/i).fill(OTHER_ORG_PASSWORD);
    await page.getByRole("button", { name: /sign in/i }).click();
    await expect(page).toHaveURL(/\/inventory$/);
    await page.context().storageState({ path: otherStorageStateOf(role) });
  });
}

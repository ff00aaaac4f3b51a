import { test, expect } from "@/e2e/support/fixtures";
import { E2E_BASE_URL, E2E_SIGNIN_MAX_ATTEMPTS } from "@/e2e/support/constants";

test("sign-in is rate-limited per address, with a clear message", async ({ page, request }) => {
  let limited = 0;
  for (let i = 0; i < E2E_SIGNIN_MAX_ATTEMPTS + 2; i++) {
    const response = await request.post("/api/auth/sign-in/email", {
      headers: { origin: E2E_BASE_URL },
      data: { email: "guesser@example.com", password: `guess-${i}-xxxxxxxx` },
    });
    if (response.status() === 429) limited++;
  }
  expect(limited).toBeGreaterThan(0);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("guesser@example.com");
  await page.getByLabel("Password").fill("one-more-guess-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("Too many sign-in attempts. Wait a minute and try again.");
});

import { test, expect } from "@/e2e/support/fixtures";
import { E2E_SIGNIN_MAX_ATTEMPTS } from "@/e2e/support/constants";

test("sign-in is rate-limited per address, a forged X-Forwarded-For does not escape it, and the message says when to try again", async ({ page }) => {
  await page.goto("/sign-in");
  // The guesses come from the browser itself, so they share its address with the form below.
  // Each claims another address in X-Forwarded-For and tries another email (no account lock).
  const statuses = await page.evaluate(async (attempts) => {
    const out: number[] = [];
    for (let i = 0; i < attempts; i++) {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i + 1}` },
        body: JSON.stringify({ email: `guesser-${i}@example.com`, password: `guess-${i}-xxxxxxxx` }),
      });
      out.push(response.status);
    }
    return out;
  }, E2E_SIGNIN_MAX_ATTEMPTS + 2);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
  expect(statuses.filter((s) => s !== 429 && s !== 401)).toEqual([]);
  await page.getByLabel("Email").fill("guesser-last@example.com");
  await page.getByLabel("Password").fill("one-more-guess-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText(/^Too many sign-in attempts from this address\. Try again in \d+ seconds?\.$/);
});

import { test, expect } from "@/e2e/support/fixtures";
import { DEMO_PASSWORD, demoEmail } from "@/e2e/support/roles";
import { E2E_BASE_URL } from "@/e2e/support/constants";

// Links an attacker could send: after signing in, each must leave the browser on the app.
const HOSTILE_NEXT = [
  "/%09/evil.example.com",
  "/%5Cevil.example.com",
  "%2F%2Fevil.example.com",
  "/%2F%2Fevil.example.com",
  "/%252F%252Fevil.example.com",
  "https%3A%2F%2Fevil.example.com",
  "javascript%3Aalert(document.domain)",
  "/.%2F%2Fevil.example.com",
];

test("signing in through a hostile ?next= link never leaves the app", async ({ browser }) => {
  const origin = new URL(E2E_BASE_URL).origin;
  const context = await browser.newContext();
  const left: string[] = [];
  context.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) left.push(request.url());
  });
  for (const next of HOSTILE_NEXT) {
    const page = await context.newPage();
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel("Email").fill(demoEmail("viewer"));
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    expect(new URL(page.url()).origin, next).toBe(origin);
    await page.close();
    await context.clearCookies();
  }
  expect(left).toEqual([]);
  await context.close();
});

-- Failed sign-ins per account (the email tried, whether or not an account has it, so the limit
-- says nothing about which emails exist). Every web process shares these counters. After
-- SILKROUTE_SIGNIN_ACCOUNT_MAX_FAILURES failures within the window, the email is refused until
-- locked_until, from any address; a successful sign-in removes its row.
CREATE TABLE "sign_in_account_limits" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sign_in_account_limits_pkey" PRIMARY KEY ("email")
);
CREATE INDEX "sign_in_account_limits_updated_at_idx" ON "sign_in_account_limits"("updated_at");

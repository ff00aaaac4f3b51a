-- A user whose password someone else chose (the first admin's one-time password) must choose
-- their own before anything else: every page, route and action refuses until they have.
ALTER TABLE "users" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;

import { defineConfig } from "prisma/config";

// Prisma's CLI is used here only to generate the client (`npm install` runs it). SQL migrations
// are applied by Silkroute itself: see docs/decisions/0001-database-migrations.md.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
});

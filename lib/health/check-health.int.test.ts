import { describe, expect, it } from "vitest";
import { closeDatabase, prepareDatabase } from "@/lib/db";
import { checkHealth } from "@/lib/health/check-health";
import { GET } from "@/app/api/health/route";
import { createScratchDatabase } from "@/lib/testing/scratch-database";
import packageJson from "@/package.json";

describe("health", () => {
  it("answers 200 with the version while the database answers, 503 once it is gone", async () => {
    const scratch = await createScratchDatabase("health");
    await prepareDatabase({ url: scratch.url });
    try {
      const ok = await GET();
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ status: "ok", db: "ok", version: packageJson.version });
      await scratch.drop();
      const down = await GET();
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: "error", db: "unreachable", version: packageJson.version });
      expect((await checkHealth(500)).db).toBe("unreachable");
    } finally {
      await closeDatabase();
      await scratch.drop().catch(() => undefined);
    }
  });
});

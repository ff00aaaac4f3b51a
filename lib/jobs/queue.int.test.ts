import { afterAll, describe, expect, it } from "vitest";
import { deterministicJobId, enqueueJob, queue } from "@/lib/jobs/queue";
import { JOBS } from "@/lib/jobs/job-registry";
import { JOB_NAMES } from "@/lib/jobs/job-payloads";
import { useTestDatabase } from "@/lib/testing/use-test-database";

useTestDatabase();
afterAll(async () => {
  await (await queue()).stop({ graceful: false, wait: true }).catch(() => undefined);
});

describe("job queue", () => {
  it("registers each job under its own name", () => {
    for (const [name, job] of Object.entries(JOBS)) expect(job.name).toBe(name);
    expect(Object.keys(JOBS).sort()).toEqual([...JOB_NAMES].sort());
  });

  it("queues the same keyed work once, and a worker receives it", async () => {
    const first = await enqueueJob("maintenance.purge-expired-sessions", {}, { key: "once" });
    const second = await enqueueJob("maintenance.purge-expired-sessions", {}, { key: "once" });
    expect(first).toBe(deterministicJobId("maintenance.purge-expired-sessions", "once"));
    expect(second).toBeNull();
    const boss = await queue();
    const fetched = await boss.fetch("maintenance.purge-expired-sessions", { batchSize: 10 });
    expect(fetched.map((j) => j.id)).toContain(first);
    await boss.complete("maintenance.purge-expired-sessions", fetched.map((j) => j.id));
  });
});

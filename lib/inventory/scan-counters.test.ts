import { describe, expect, it } from "vitest";
import { ScanCounters, taskTotal } from "@/lib/inventory/scan-counters";

/** Calls a task's collector makes, through the observer of its part's region, in the task's async context. */
async function callsOf(counters: ScanCounters, taskId: string | null, region: string, calls: Array<[string, string, "call" | "throttle"]>) {
  const observer = counters.observer(region);
  const make = async () => {
    for (const [service, operation, kind] of calls) {
      await Promise.resolve();
      if (kind === "call") observer.onCall(service, operation);
      else observer.onThrottle(service, operation);
    }
  };
  await (taskId ? counters.runAs(taskId, make) : make());
}

describe("the call counts of a scan part", () => {
  it("are taken per task, with the part's own calls, and forgotten once taken", async () => {
    const counters = new ScanCounters();
    await callsOf(counters, null, "eu-west-1", [["sts", "GetCallerIdentity", "call"]]);
    await callsOf(counters, "task-b", "eu-west-1", [
      ["iot", "ListThings", "call"],
      ["iot", "ListThings", "throttle"],
      ["iot", "ListThings", "call"],
    ]);
    await callsOf(counters, "task-a", "eu-west-1", [["iot", "ListPolicies", "call"]]);

    const b = counters.take(["task-b"]);
    expect(b.tasks).toEqual([{ id: "task-b", calls: 2, throttles: 1 }]);
    expect(taskTotal(b, "task-b")).toEqual({ calls: 2, throttles: 1 });
    expect(b.apis).toEqual([
      { region: "eu-west-1", service: "iot", operation: "ListThings", calls: 2, throttles: 1 },
      { region: "eu-west-1", service: "sts", operation: "GetCallerIdentity", calls: 1, throttles: 0 },
    ]);
    // Taken means written: the next take has task-a only, and nothing of task-b or the part.
    const rest = counters.take();
    expect(rest.tasks).toEqual([{ id: "task-a", calls: 1, throttles: 0 }]);
    expect(rest.apis.map((a) => `${a.service}:${a.operation}=${a.calls}`)).toEqual(["iot:ListPolicies=1"]);
    expect(counters.take().apis).toEqual([]);
  });

  it("come back when their write was rolled back, and add up with what was counted since", async () => {
    const counters = new ScanCounters();
    await callsOf(counters, "task-a", "us-east-1", [["iot", "ListThings", "call"]]);
    const taken = counters.take(["task-a"]);
    await callsOf(counters, "task-a", "us-east-1", [["iot", "ListThings", "call"]]);
    counters.restore(taken);
    const again = counters.take(["task-a"]);
    expect(again.tasks).toEqual([{ id: "task-a", calls: 2, throttles: 0 }]);
    expect(again.apis).toEqual([{ region: "us-east-1", service: "iot", operation: "ListThings", calls: 2, throttles: 0 }]);
  });

  it("sort tasks and APIs, so concurrent writers lock rows in one order", async () => {
    const counters = new ScanCounters();
    await callsOf(counters, "task-z", "global", [["iam", "ListRoles", "call"]]);
    await callsOf(counters, "task-m", "global", [["iam", "GetRole", "call"]]);
    await callsOf(counters, "task-a", "eu-west-1", [["s3", "ListBuckets", "call"]]);
    const all = counters.take();
    expect(all.tasks.map((t) => t.id)).toEqual(["task-a", "task-m", "task-z"]);
    expect(all.apis.map((a) => `${a.region}/${a.service}:${a.operation}`)).toEqual(["eu-west-1/s3:ListBuckets", "global/iam:GetRole", "global/iam:ListRoles"]);
  });
});

import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { IoTClient, ListThingsCommand, ListThingTypesCommand } from "@aws-sdk/client-iot";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("serve.ts", () => {
  it("prints where it listens as one JSON line, serves the SDK, and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["bin/run.mjs", "doubles/aws/serve.ts", "--port", "0", "--seed", "7", "--things", "120", "--region", "eu-central-1", "--region", "us-east-1", "--quotas", "off"],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once("line", resolve);
        child.once("exit", (code) => reject(new Error(`serve.ts exited early with ${code}`)));
      });
      const info = JSON.parse(line) as { url: string; accessKeyId: string; secretAccessKey: string; regions: string[] };
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info.regions).toEqual(["eu-central-1", "us-east-1"]);
      const iot = new IoTClient({ region: "us-east-1", endpoint: info.url, credentials: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey } });
      const page = await iot.send(new ListThingsCommand({ maxResults: 250 }));
      expect(page.things).toHaveLength(120);
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 60_000);

  it("takes fault rules and the HTTP/1.1-only mode from its flags", async () => {
    const child = spawn(
      process.execPath,
      ["bin/run.mjs", "doubles/aws/serve.ts", "--port", "0", "--things", "5", "--quotas", "off", "--http1-only", "--fault-rule", "iot:ListThingTypes=not-implemented"],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once("line", resolve);
        child.once("exit", (code) => reject(new Error(`serve.ts exited early with ${code}`)));
      });
      const info = JSON.parse(line) as { url: string; accessKeyId: string; secretAccessKey: string };
      const iot = new IoTClient({ region: "eu-central-1", endpoint: info.url, credentials: info, maxAttempts: 1 });
      await expect(iot.send(new ListThingTypesCommand({}))).rejects.toMatchObject({ $metadata: { httpStatusCode: 501 } });
      expect((await iot.send(new ListThingsCommand({}))).things).toHaveLength(5);
      const faults = (await (await fetch(`${info.url}/__standin/faults`)).json()) as unknown;
      expect(faults).toEqual({ rules: [{ operation: "iot:ListThingTypes", answer: "not-implemented" }] });
    } finally {
      child.kill("SIGKILL");
    }
  }, 60_000);

  it.each([["--things=-5"], ["--fault-rule", "ListThings=explode"]])("refuses bad flags (%s) with a usage message", async (...flags) => {
    const child = spawn(process.execPath, ["bin/run.mjs", "doubles/aws/serve.ts", ...flags], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(64);
    expect(stderr).toContain("usage:");
  }, 60_000);
});

import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * Starts the web server and worker processes of one Silkroute installation as children of the
 * launcher (npm start, npm run demo, npm run dev), passes signals on, and stops everything if one of them
 * exits on its own.
 */

export interface Services {
  web: ChildProcess;
  worker: ChildProcess;
  stop(): Promise<void>;
  /** Resolves when the web server listens, rejects if it exits first. */
  ready: Promise<void>;
  exited: Promise<number>;
}

const runner = path.resolve("bin/run.mjs");

/**
 * Workers read pages and let them go: a bounded heap makes the garbage collector keep their
 * memory at what they use, not at what the machine would allow.
 */
export const WORKER_HEAP_MB = 384;

function start(entry: string, env: NodeJS.ProcessEnv, execArgv: string[] = [], args: string[] = []): ChildProcess {
  return fork(runner, [entry, ...args], { env, execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

export interface RunServicesOptions {
  workers?: number;
  /** `npm run dev`: the web server runs Next.js in development mode (no build, hot reload). */
  dev?: boolean;
}

export function runServices(env: NodeJS.ProcessEnv, options: RunServicesOptions = {}): Services {
  const childEnv = { ...env, NODE_ENV: options.dev ? "development" : "production" } as NodeJS.ProcessEnv;
  const web = start("scripts/web-server.ts", childEnv, [], options.dev ? ["--dev"] : []);
  const workers = Array.from({ length: options.workers ?? 1 }, () => start("lib/jobs/worker-main.ts", childEnv, [`--max-old-space-size=${WORKER_HEAP_MB}`]));
  const children = [web, ...workers];
  let stopping = false;

  const stop = async () => {
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
            setTimeout(() => child.kill("SIGKILL"), 25_000).unref();
          }),
      ),
    );
  };

  const exited = new Promise<number>((resolve) => {
    for (const child of children) {
      child.once("exit", (code) => {
        if (!stopping) void stop().then(() => resolve(code ?? 1));
        else resolve(code ?? 0);
      });
    }
  });

  const ready = new Promise<void>((resolve, reject) => {
    web.on("message", (m: { type?: string }) => {
      if (m?.type === "listening") resolve();
    });
    web.once("exit", (code) => reject(new Error(`the web server exited with code ${code}`)));
  });
  ready.catch(() => undefined);

  return { web, worker: workers[0]!, stop, ready, exited };
}

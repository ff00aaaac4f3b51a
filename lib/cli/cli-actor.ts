import "server-only";
import os from "node:os";
import type { CliActor } from "@/lib/cli/cli-scan-target";

/** The command line as the audit log names it: "command line (<OS user>)", with the host. */
export function cliActor(): CliActor {
  let osUser: string;
  try {
    osUser = os.userInfo().username;
  } catch {
    // No passwd entry (a container running as an arbitrary uid).
    osUser = `uid ${process.getuid?.() ?? "unknown"}`;
  }
  return { actor: { id: null, email: `command line (${osUser})`, role: null }, details: { origin: "cli", osUser, host: os.hostname() } };
}

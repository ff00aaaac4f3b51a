import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * The lock that makes one process, and only one, the host of an embedded database folder: an
 * exclusive flock(2) on `<data dir>/embedded.lock`, held by an open file descriptor for the life
 * of the hosting process. The kernel drops it when that process ends in any way (exit, crash,
 * kill -9), so there is never a stale lock to judge by pid, and a restart, even as the same pid
 * (PID 1 in a container), takes it at once. The file itself is never deleted: deleting a locked
 * file would let a second process lock a new file of the same name. (flock, unlike fcntl locks, is
 * not released when this process closes some other descriptor of the same file, so the clients in
 * this process that try the lock cannot drop it by accident.)
 */

export const LOCK_FILE = "embedded.lock";

const NOTE = "This file is locked by the Silkroute process that hosts the embedded database in this folder.\nDo not delete it. How to reach that process is in embedded.json.\n";

export interface DataFolderLock {
  /** Gives the lock up (orderly shutdown only). */
  release(): void;
}

interface Flock {
  flockSync(fd: number, flags: "exnb" | "un"): number;
}

let flockModule: Promise<Flock> | undefined;
function loadFlock(): Promise<Flock> {
  // Loaded on first use, so processes on a Postgres server never load the native module.
  flockModule ??= import("fs-ext-extra-prebuilt") as Promise<Flock>;
  return flockModule;
}

function isHeldElsewhere(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === "EAGAIN" || code === "EWOULDBLOCK";
}

/** Takes the data folder's lock if no process holds it; null when one does. */
export async function lockDataFolder(dataDir: string): Promise<DataFolderLock | null> {
  const { flockSync } = await loadFlock();
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt++) {
    const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
    try {
      flockSync(fd, "exnb");
    } catch (err) {
      fs.closeSync(fd);
      if (isHeldElsewhere(err)) return null;
      throw err;
    }
    // The file locked must still be the one at that path: had someone deleted it meanwhile, a
    // lock on the orphan would exclude nobody.
    let same = false;
    try {
      const locked = fs.fstatSync(fd);
      const named = fs.statSync(file);
      same = locked.ino === named.ino && locked.dev === named.dev;
    } catch {
      same = false;
    }
    if (!same) {
      fs.closeSync(fd);
      continue;
    }
    fs.ftruncateSync(fd, 0);
    fs.writeSync(fd, NOTE, 0, "utf8");
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        try {
          flockSync(fd, "un");
        } finally {
          fs.closeSync(fd);
        }
      },
    };
  }
  throw new Error(`${file} keeps being replaced while Silkroute locks it: is something deleting files in ${dataDir}?`);
}

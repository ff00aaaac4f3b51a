import crypto from "node:crypto";
import { pool } from "@/lib/db";

/**
 * Records every write to the scan_tasks rows of the scans a test watches (a trigger in the test
 * database), so the test can check afterwards that each task's cursor only ever moved forward,
 * one page at a time, and that every page was written by the run that held the task's lease at
 * that moment.
 */

export interface TaskWrite {
  seq: number;
  taskId: string;
  collectorId: string;
  region: string;
  status: string;
  cursor: string | null;
  pagesDone: number;
  itemsFound: number;
  leaseOwner: string | null;
  previousOwner: string | null;
}

export interface TaskWriteRecorder {
  watch(scanId: string): Promise<void>;
  writes(scanId: string): Promise<TaskWrite[]>;
  stop(): Promise<void>;
}

export async function recordTaskWrites(): Promise<TaskWriteRecorder> {
  const suffix = crypto.randomBytes(6).toString("hex");
  const log = `test_task_writes_${suffix}`;
  const watched = `test_task_watch_${suffix}`;
  const fn = `test_task_write_${suffix}`;
  await pool().query(`
    CREATE TABLE ${watched} (scan_id text PRIMARY KEY);
    CREATE TABLE ${log} (
      seq bigserial PRIMARY KEY, scan_id text, task_id text, collector_id text, region text, status text,
      cursor text, pages_done int, items_found int, lease_owner text, previous_owner text
    );
    CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM ${watched} WHERE scan_id = NEW.scan_id) THEN
        INSERT INTO ${log} (scan_id, task_id, collector_id, region, status, cursor, pages_done, items_found, lease_owner, previous_owner)
        VALUES (NEW.scan_id, NEW.id, NEW.collector_id, NEW.region, NEW.status::text, NEW.cursor, NEW.pages_done, NEW.items_found, NEW.lease_owner, OLD.lease_owner);
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER ${fn} AFTER UPDATE ON scan_tasks FOR EACH ROW EXECUTE FUNCTION ${fn}();
  `);
  return {
    watch: async (scanId) => {
      await pool().query(`INSERT INTO ${watched} (scan_id) VALUES ($1) ON CONFLICT DO NOTHING`, [scanId]);
    },
    writes: async (scanId) => {
      const { rows } = await pool().query<{
        seq: string;
        task_id: string;
        collector_id: string;
        region: string;
        status: string;
        cursor: string | null;
        pages_done: number;
        items_found: number;
        lease_owner: string | null;
        previous_owner: string | null;
      }>(`SELECT * FROM ${log} WHERE scan_id = $1 ORDER BY seq`, [scanId]);
      return rows.map((r) => ({
        seq: Number(r.seq),
        taskId: r.task_id,
        collectorId: r.collector_id,
        region: r.region,
        status: r.status,
        cursor: r.cursor,
        pagesDone: r.pages_done,
        itemsFound: r.items_found,
        leaseOwner: r.lease_owner,
        previousOwner: r.previous_owner,
      }));
    },
    stop: async () => {
      await pool().query(`DROP TRIGGER IF EXISTS ${fn} ON scan_tasks; DROP FUNCTION IF EXISTS ${fn}(); DROP TABLE IF EXISTS ${log}; DROP TABLE IF EXISTS ${watched};`);
    },
  };
}

/** The position a cursor stands for, when it says: the stand-in's page tokens and "offset:<n>". */
function cursorOffset(cursor: string): number | null {
  const offset = /^offset:(\d+)$/.exec(cursor);
  if (offset) return Number(offset[1]);
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const token = /^srt1:(\d+):/.exec(text);
  return token ? Number(token[1]) : null;
}

/**
 * Everything wrong with the recorded writes, as sentences (empty when all is well): per task,
 * pages counted one at a time and never back, a cursor never written twice and never moving back,
 * items never fewer, every page written by the run holding the lease, and no run writing again
 * after another run took the task over.
 */
export function taskWriteProblems(writes: TaskWrite[]): string[] {
  const problems: string[] = [];
  const byTask = new Map<string, TaskWrite[]>();
  for (const w of writes) {
    const list = byTask.get(w.taskId) ?? [];
    list.push(w);
    byTask.set(w.taskId, list);
  }
  for (const [, list] of byTask) {
    const name = `${list[0]!.region} ${list[0]!.collectorId}`;
    let pages = 0;
    let items = 0;
    let offset = -1;
    const cursors = new Set<string>();
    const owners: string[] = [];
    for (const w of list) {
      if (w.leaseOwner && w.leaseOwner !== owners[owners.length - 1]) {
        if (owners.includes(w.leaseOwner)) problems.push(`${name}: run ${w.leaseOwner} wrote again after another run took the task (write ${w.seq})`);
        owners.push(w.leaseOwner);
      }
      if (w.pagesDone < pages) problems.push(`${name}: pages went back from ${pages} to ${w.pagesDone} (write ${w.seq})`);
      if (w.itemsFound < items) problems.push(`${name}: items went back from ${items} to ${w.itemsFound} (write ${w.seq})`);
      if (w.pagesDone > pages) {
        if (w.pagesDone !== pages + 1) problems.push(`${name}: ${w.pagesDone - pages} pages counted in one write (write ${w.seq})`);
        if (!w.leaseOwner) problems.push(`${name}: a page was written without a lease (write ${w.seq})`);
        if (w.cursor !== null) {
          if (cursors.has(w.cursor)) problems.push(`${name}: cursor ${w.cursor} written twice (write ${w.seq})`);
          cursors.add(w.cursor);
          const at = cursorOffset(w.cursor);
          if (at !== null) {
            if (at <= offset) problems.push(`${name}: cursor moved back from offset ${offset} to ${at} (write ${w.seq})`);
            offset = at;
          }
        }
      }
      pages = Math.max(pages, w.pagesDone);
      items = Math.max(items, w.itemsFound);
    }
  }
  return problems;
}

/** The lease owners that wrote pages of each task, in order, keyed "region collector". */
export function pageWriters(writes: TaskWrite[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const last = new Map<string, number>();
  for (const w of writes) {
    const before = last.get(w.taskId) ?? 0;
    if (w.pagesDone > before && w.leaseOwner) {
      const key = `${w.region} ${w.collectorId}`;
      const list = (out[key] ??= []);
      if (list[list.length - 1] !== w.leaseOwner) list.push(w.leaseOwner);
    }
    last.set(w.taskId, Math.max(before, w.pagesDone));
  }
  return out;
}

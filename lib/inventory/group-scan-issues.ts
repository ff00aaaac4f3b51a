/**
 * One issue of a scan. A gap (a secondary call that failed after its retries) is listed once per
 * operation and code for the whole scan, however many regions, collectors and resources it hit:
 * `count` says how many resources (or calls) lack what `operation` reads.
 */
export interface ScanIssueView {
  id: string;
  /** The first region it happened in; `regions` lists them all. */
  region: string;
  regions: string[];
  collectorId: string | null;
  collectorIds: string[];
  severity: string;
  code: string;
  message: string;
  operation: string | null;
  /** A resource it happened to. */
  arn: string | null;
  count: number;
  gap: boolean;
}

/** The issues in the order they happened, each gap folded into the first of its operation and code. */
export function groupIssues(
  rows: ReadonlyArray<{ id: bigint; region: string; collectorId: string | null; severity: string; code: string; message: string; operation: string | null; arn: string | null; count: number; gap: boolean }>,
): ScanIssueView[] {
  const out: ScanIssueView[] = [];
  const gaps = new Map<string, ScanIssueView>();
  for (const row of rows) {
    const view: ScanIssueView = {
      id: row.id.toString(),
      region: row.region,
      regions: [row.region],
      collectorId: row.collectorId,
      collectorIds: row.collectorId ? [row.collectorId] : [],
      severity: row.severity,
      code: row.code,
      message: row.message,
      operation: row.operation,
      arn: row.arn,
      count: row.count,
      gap: row.gap,
    };
    if (!row.gap) {
      out.push(view);
      continue;
    }
    const key = `${row.operation ?? ""}\n${row.code}`;
    const first = gaps.get(key);
    if (!first) {
      gaps.set(key, view);
      out.push(view);
      continue;
    }
    first.count += row.count;
    if (!first.regions.includes(row.region)) first.regions.push(row.region);
    if (row.collectorId && !first.collectorIds.includes(row.collectorId)) first.collectorIds.push(row.collectorId);
    first.arn ??= row.arn;
  }
  return out;
}


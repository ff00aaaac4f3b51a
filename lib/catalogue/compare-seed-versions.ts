/**
 * Orders catalogue seed versions ("2026-12", "2026-12.1", "2027-03"): negative when `a` is older
 * than `b`, zero when they are the same, positive when newer. An organisation takes a seed only
 * when it is newer than the one it last reconciled with, so an older build never rolls it back.
 */
export function compareSeedVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function parts(version: string): number[] {
  const match = /^(\d{4})-(\d{2})(?:\.(\d+))?$/.exec(version);
  if (!match) throw new Error(`not a catalogue seed version: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/**
 * Reads V8 CPU profiles (.cpuprofile, as `node --cpu-prof` and `npm run bench -- --profile DIR`
 * write them) and prints where the time went, without a GUI: self time summed by function and by
 * file (or package), and the share of idle, garbage collection and WebAssembly.
 *   node bin/run.mjs scripts/bench/summarise-profile.ts FILE.cpuprofile [--top N] [--match TEXT]
 * --match TEXT also sums the total (self + callees) time of the functions whose name contains
 * TEXT, e.g. execProtocolRawStream.
 */
import fs from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const top = Number(option("top") ?? 25);
const matches = args.flatMap((a, i) => (args[i - 1] === "--match" ? [a] : []));
const files = args.filter((a, i) => a.endsWith(".cpuprofile") && !["--top", "--match"].includes(args[i - 1] ?? ""));
if (files.length === 0) {
  console.error("usage: summarise-profile.ts FILE.cpuprofile [--top N] [--match TEXT]...");
  process.exit(64);
}

/** Where a frame's code lives: a package, a file of ours, or one of V8's own categories. */
function place(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  if (url.startsWith("wasm://")) return "(wasm)";
  const clean = url.replace(/^file:\/\//, "");
  const nm = clean.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = clean.slice(nm + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (clean.startsWith("node:")) return clean;
  return path.relative(process.cwd(), clean) || clean;
}

for (const file of files) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const totalUs = profile.endTime - profile.startTime;
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  const matched = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = place(url, functionName);
    const fn = `${functionName || "(anonymous)"} ${where}${url && !url.startsWith("wasm://") ? `:${lineNumber + 1}` : ""}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byPlace.set(where, (byPlace.get(where) ?? 0) + us);
    // Total time under a matched function: count each sample once per matched name on its stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      for (const m of matches) if (name.includes(m) && !seen.has(m)) {
        seen.add(m);
        matched.set(m, (matched.get(m) ?? 0) + us);
      }
    }
  }
  const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)}%`;
  const print = (title: string, map: Map<string, number>) => {
    console.log(`  ${title}`);
    for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(us)}  ${k}`);
  };
  console.log(`${file}: ${(totalUs / 1e6).toFixed(1)} s profiled, ${profile.samples.length} samples`);
  print("self time by file or package:", byPlace);
  print("self time by function:", byFunction);
  if (matched.size > 0) print("total time (self and callees) under:", matched);
  console.log("");
}

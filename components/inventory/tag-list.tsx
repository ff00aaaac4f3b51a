import { SafeText } from "@/components/ui/safe-text";

/** Tags as compact chips: the first few, then "+N". Keys and values are shown as text, cut with a tooltip. */
export function TagList({ tags, max = 3, moreLabel }: { tags: Record<string, string>; max?: number; moreLabel: (n: number) => string }) {
  const entries = Object.entries(tags);
  if (entries.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <ul className="flex min-w-0 flex-wrap gap-1">
      {entries.slice(0, max).map(([key, value]) => (
        <li key={key} className="inline-flex min-w-0 max-w-full items-center rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 ring-1 ring-inset ring-slate-200">
          <SafeText value={key} truncate className="max-w-[6rem] shrink-0 font-medium" />
          <span aria-hidden className="px-0.5 text-slate-400">=</span>
          <SafeText value={value} truncate className="min-w-0 max-w-[9rem] shrink" />
        </li>
      ))}
      {entries.length > max ? <li className="px-1 text-xs text-slate-500">{moreLabel(entries.length - max)}</li> : null}
    </ul>
  );
}

import { cn } from "@/lib/ui/cn";

/** A progress bar: `value` from 0 to 1, or null while the end is not known (indeterminate). */
export function ProgressBar({ value, label, className }: { value: number | null; label: string; className?: string }) {
  const percent = value === null ? null : Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      className={cn("relative h-2.5 w-full overflow-hidden rounded-full bg-slate-200", className)}
    >
      {percent === null ? (
        <div className="h-full w-full animate-pulse rounded-full bg-brand-500/60" />
      ) : (
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
      )}
    </div>
  );
}

import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/ui/cn";

type Tone = "info" | "error" | "success" | "warning";
const tones: Record<Tone, string> = {
  info: "border-brand-100 bg-brand-50 text-brand-700",
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
};

export function Alert({
  tone = "info",
  title,
  children,
  className,
  ...props
}: { tone?: Tone; title?: ReactNode; children?: ReactNode; className?: string } & Omit<HTMLAttributes<HTMLDivElement>, "title" | "children" | "className">) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-md border px-4 py-3 text-sm", tones[tone], className)} {...props}>
      {title ? <p className="font-medium">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}

import { Fragment } from "react";
import { cn } from "@/lib/ui/cn";

/**
 * Characters that change how the text around them is shown without being visible themselves:
 * C0/C1 controls and DEL, and the Unicode bidirectional formatting characters (LRE, RLE, PDF,
 * LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM). A right-to-left override turns
 * "invoice\u202Efdp.exe" into what reads as "invoiceexe.pdf"; values from a cloud account are
 * shown with these characters made visible instead.
 */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A visible stand-in: the Control Pictures block for C0 and DEL, else the code point. */
function pictureOf(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The same text with invisible formatting and control characters replaced by visible marks. */
export function visibleText(value: string): string {
  return value.replace(INVISIBLE, (ch) => `⟦${pictureOf(ch)}⟧`);
}

/**
 * Text that came from outside (a cloud account, a user): rendered as plain text, isolated from
 * the surrounding direction (<bdi>), with invisible controls shown as marks. `truncate` keeps it
 * on one line with the whole value in the tooltip; otherwise it wraps at spaces, and long runs
 * without one (ARNs, hashes, 4,000-character tag values) wrap anywhere rather than widen the page.
 */
export function SafeText({ value, truncate, className }: { value: string; truncate?: boolean; className?: string }) {
  const parts = value.split(INVISIBLE);
  const marks = value.match(INVISIBLE) ?? [];
  return (
    <bdi className={cn(truncate ? "block truncate" : "wrap-anywhere", className)} title={truncate ? visibleText(value).slice(0, 1000) : undefined}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < marks.length ? (
            <span className="mx-px rounded bg-amber-100 px-0.5 font-mono text-[0.7em] text-amber-900" title={pictureOf(marks[i]!)}>
              {pictureOf(marks[i]!)}
            </span>
          ) : null}
        </Fragment>
      ))}
    </bdi>
  );
}

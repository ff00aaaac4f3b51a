import { SafeText } from "@/components/ui/safe-text";

/** Only http(s) addresses become links; anything else is shown as text. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** A catalogue entry's source: a link that opens without handing the page to the other site. */
export function SourceLink({ href, label }: { href: string; label?: string }) {
  if (!isWebAddress(href)) return <SafeText value={href} className="text-slate-600" />;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="wrap-anywhere text-brand-700 underline hover:text-brand-800">
      {label ?? href}
    </a>
  );
}

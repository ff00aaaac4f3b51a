/**
 * Where to go after signing in: a path of this application only. The value is resolved against
 * the application's own origin, as a browser would resolve it, and kept only when it stays on
 * that origin, so `//evil.com`, `/\evil.com`, `/%09/evil.com` and `https://evil.com` all lead home.
 */
const BASE = "http://silkroute.invalid";

export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2048) return "/";
  // Browsers drop tabs and newlines from URLs before resolving them, and read "\" as "/".
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  if (!next.startsWith("/") || next.startsWith("//")) return "/";
  let resolved: URL;
  try {
    resolved = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (resolved.origin !== BASE) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(resolved.pathname);
  } catch {
    return "/";
  }
  // A path that decodes to another origin-relative form is refused too (defence in depth).
  if (decoded.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(decoded)) return "/";
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

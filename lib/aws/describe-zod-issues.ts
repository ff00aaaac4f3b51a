import type { z } from "zod";

/**
 * A short, value-free summary of why a response failed validation, e.g.
 * "things[3].thingName: expected string, received number". Values are left out on purpose: they
 * may hold secrets or hostile text.
 */
export function describeZodIssues(error: z.ZodError, limit = 3, basePath: PropertyKey[] = []): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const full = [...basePath, ...issue.path];
    const path = full.length ? formatPath(full) : "(response)";
    return `${path}: ${issue.message.replace(/^Invalid input: /, "")}`;
  });
  const more = error.issues.length - limit;
  return more > 0 ? `${parts.join("; ")}; and ${more} more` : parts.join("; ");
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

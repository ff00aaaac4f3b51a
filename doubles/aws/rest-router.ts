/**
 * Matches REST requests (method + path) to operations, with the path patterns of the Smithy
 * models: `{label}` is one path segment, `{label+}` is greedy.
 */
import type { ResolvedOperation } from "./service-types";

export type RestRoute = readonly [method: string, pattern: string, operation: string];

interface CompiledRoute {
  method: string;
  regex: RegExp;
  labels: string[];
  operation: string;
}

export function compileRoutes(routes: readonly RestRoute[]): (method: string, rawPath: string) => ResolvedOperation | null {
  const compiled: CompiledRoute[] = routes.map(([method, pattern, operation]) => {
    const labels: string[] = [];
    const source = pattern
      .split("/")
      .map((segment) => {
        const m = /^\{(\w+)(\+?)\}$/.exec(segment);
        if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        labels.push(m[1] as string);
        return m[2] ? "(.+)" : "([^/]+)";
      })
      .join("/");
    return { method, regex: new RegExp(`^${source}/?$`), labels, operation };
  });
  return (method, rawPath) => {
    for (const route of compiled) {
      if (route.method !== method) continue;
      const m = route.regex.exec(rawPath);
      if (!m) continue;
      const labels: Record<string, string> = {};
      try {
        route.labels.forEach((name, i) => (labels[name] = decodeURIComponent(m[i + 1] as string)));
      } catch {
        return null;
      }
      return { operation: route.operation, labels };
    }
    return null;
  };
}

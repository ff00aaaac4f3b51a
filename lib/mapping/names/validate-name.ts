/**
 * Checks a name against Alibaba IoT Platform's rules for its kind. Written apart from the fitter (its own
 * patterns, its own counting) so that tests and later stages check fitted names with something that does not
 * share the fitter's mistakes. The rules and their sources are described in name-rules.ts.
 */
import type { NameKind, NameProblem, NameValidation } from "@/lib/mapping/names/name-types";

interface Check {
  pattern: RegExp;
  /** Code points that count as two characters. */
  double: RegExp | null;
  min: number;
  max: number;
}

const CHECKS: Record<NameKind, Check> = {
  product: { pattern: /^[A-Za-z0-9_\u4e00-\u9fa5]*$/u, double: /[\u4e00-\u9fa5]/gu, min: 4, max: 30 },
  device: { pattern: /^[A-Za-z0-9_@.:-]*$/u, double: null, min: 4, max: 32 },
  nickname: { pattern: /^[A-Za-z0-9_\u4e00-\u9fa5]*$/u, double: /[\u4e00-\u9fa5]/gu, min: 4, max: 64 },
  group: { pattern: /^[A-Za-z0-9_\u4e00-\u9fa5]*$/u, double: /[\u4e00-\u9fa5]/gu, min: 4, max: 30 },
  rule: {
    pattern: /^[A-Za-z0-9_\-\u4e00-\u9fa5\u3041-\u3096\u30a1-\u30fa\u30fc]*$/u,
    double: /[\u4e00-\u9fa5\u3041-\u3096\u30a1-\u30fa\u30fc]/gu,
    min: 1,
    max: 30,
  },
};

export function validateName(kind: NameKind, name: unknown): NameValidation {
  if (typeof name !== "string") return { valid: false, problems: ["not-a-string"], length: 0 };
  const check = CHECKS[kind];
  const length = Array.from(name).length + (check.double ? (name.match(check.double)?.length ?? 0) : 0);
  const problems: NameProblem[] = [];
  if (!check.pattern.test(name)) problems.push("refused-characters");
  if (length < check.min) problems.push("too-short");
  if (length > check.max) problems.push("too-long");
  return { valid: problems.length === 0, problems, length };
}

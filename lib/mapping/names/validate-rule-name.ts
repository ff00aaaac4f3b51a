/** Checks an Alibaba IoT Platform rule Name (see validate-name.ts). */
import { validateName } from "@/lib/mapping/names/validate-name";
import type { NameValidation } from "@/lib/mapping/names/name-types";

export function validateRuleName(name: unknown): NameValidation {
  return validateName("rule", name);
}

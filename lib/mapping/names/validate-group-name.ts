/** Checks an Alibaba IoT Platform GroupName (see validate-name.ts). */
import { validateName } from "@/lib/mapping/names/validate-name";
import type { NameValidation } from "@/lib/mapping/names/name-types";

export function validateGroupName(name: unknown): NameValidation {
  return validateName("group", name);
}

/** Checks an Alibaba IoT Platform ProductName (see validate-name.ts). */
import { validateName } from "@/lib/mapping/names/validate-name";
import type { NameValidation } from "@/lib/mapping/names/name-types";

export function validateProductName(name: unknown): NameValidation {
  return validateName("product", name);
}

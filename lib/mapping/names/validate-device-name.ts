/** Checks an Alibaba IoT Platform DeviceName (see validate-name.ts). */
import { validateName } from "@/lib/mapping/names/validate-name";
import type { NameValidation } from "@/lib/mapping/names/name-types";

export function validateDeviceName(name: unknown): NameValidation {
  return validateName("device", name);
}

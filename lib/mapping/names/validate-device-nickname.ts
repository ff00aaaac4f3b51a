/** Checks an Alibaba IoT Platform device Nickname (see validate-name.ts). */
import { validateName } from "@/lib/mapping/names/validate-name";
import type { NameValidation } from "@/lib/mapping/names/name-types";

export function validateDeviceNickname(name: unknown): NameValidation {
  return validateName("nickname", name);
}

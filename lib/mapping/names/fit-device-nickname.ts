/**
 * Fits an AWS thing name to an Alibaba IoT Platform device Nickname, where the original name is shown
 * (rules and sources in name-rules.ts; how in fit-name.ts). Nicknames need not be unique: pass no isTaken.
 */
import { fitName } from "@/lib/mapping/names/fit-name";
import { NAME_RULES } from "@/lib/mapping/names/name-rules";
import type { FitNameOptions, FittedName } from "@/lib/mapping/names/name-types";

export function fitDeviceNickname(original: string, options: FitNameOptions = {}): FittedName {
  return fitName(NAME_RULES.nickname, original, options);
}

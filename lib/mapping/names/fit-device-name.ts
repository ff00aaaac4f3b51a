/** Fits an AWS name to an Alibaba IoT Platform DeviceName (rules and sources in name-rules.ts; how in fit-name.ts). */
import { fitName } from "@/lib/mapping/names/fit-name";
import { NAME_RULES } from "@/lib/mapping/names/name-rules";
import type { FitNameOptions, FittedName } from "@/lib/mapping/names/name-types";

export function fitDeviceName(original: string, options: FitNameOptions = {}): FittedName {
  return fitName(NAME_RULES.device, original, options);
}

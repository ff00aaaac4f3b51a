/** Fits an AWS name to an Alibaba IoT Platform ProductName (rules and sources in name-rules.ts; how in fit-name.ts). */
import { fitName } from "@/lib/mapping/names/fit-name";
import { NAME_RULES } from "@/lib/mapping/names/name-rules";
import type { FitNameOptions, FittedName } from "@/lib/mapping/names/name-types";

export function fitProductName(original: string, options: FitNameOptions = {}): FittedName {
  return fitName(NAME_RULES.product, original, options);
}

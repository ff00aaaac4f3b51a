/**
 * Where the regions are, and the default Alibaba Cloud regions for each AWS region, nearest first.
 *
 * Alibaba region ids, cities and closures: Alibaba's region lists (Container Compute Service's
 * "open service area", https://help.aliyun.com/en/cs/product-overview/open-service-area; the
 * region list https://alibabacloud.com/help/doc-detail/72379.htm; endpoint pages that mark Sydney
 * ap-southeast-2 and Mumbai ap-south-1 as closed, e.g.
 * https://alibabacloud.com/help/en/apsaradb-for-mybase/latest/api-cddc-2020-03-20-endpoint),
 * read 2026-12. The research note (alibaba-iot-target.md) names the regions IoT Platform serves but
 * gives no AWS -> Alibaba geography: the defaults below are a proximity judgement (same metro, then
 * same country or union, then nearest), not an Alibaba source; `basis` says which.
 * AWS region cities are AWS's published region names.
 *
 * Defaults for EU source regions put Frankfurt (the only EU Alibaba region in the list) before London,
 * so EU data stays in the EU unless a rule or the architect says otherwise.
 */
import { isMainlandRegion } from "@/lib/catalogue/catalogue-schema";
import type { AccountWorld } from "@/lib/mapping/regions/region-types";

export interface AlibabaRegionPlace {
  city: string;
  /** ISO 3166 alpha-2. */
  country: string;
  /** Closed regions are known but never proposed, and a change to one is refused. */
  closed?: true;
}

export const ALIBABA_REGION_PLACES: Readonly<Record<string, AlibabaRegionPlace>> = {
  "cn-qingdao": { city: "Qingdao", country: "CN" },
  "cn-beijing": { city: "Beijing", country: "CN" },
  "cn-zhangjiakou": { city: "Zhangjiakou", country: "CN" },
  "cn-huhehaote": { city: "Hohhot", country: "CN" },
  "cn-wulanchabu": { city: "Ulanqab", country: "CN" },
  "cn-hangzhou": { city: "Hangzhou", country: "CN" },
  "cn-shanghai": { city: "Shanghai", country: "CN" },
  "cn-shenzhen": { city: "Shenzhen", country: "CN" },
  "cn-heyuan": { city: "Heyuan", country: "CN" },
  "cn-guangzhou": { city: "Guangzhou", country: "CN" },
  "cn-chengdu": { city: "Chengdu", country: "CN" },
  "cn-hongkong": { city: "Hong Kong", country: "HK" },
  "ap-northeast-1": { city: "Tokyo", country: "JP" },
  "ap-northeast-2": { city: "Seoul", country: "KR" },
  "ap-southeast-1": { city: "Singapore", country: "SG" },
  "ap-southeast-2": { city: "Sydney", country: "AU", closed: true },
  "ap-southeast-3": { city: "Kuala Lumpur", country: "MY" },
  "ap-southeast-5": { city: "Jakarta", country: "ID" },
  "ap-southeast-6": { city: "Manila", country: "PH" },
  "ap-southeast-7": { city: "Bangkok", country: "TH" },
  "ap-southeast-8": { city: "Johor", country: "MY" },
  "ap-south-1": { city: "Mumbai", country: "IN", closed: true },
  "us-east-1": { city: "Virginia", country: "US" },
  "us-west-1": { city: "Silicon Valley", country: "US" },
  "us-southeast-1": { city: "Atlanta", country: "US" },
  "eu-central-1": { city: "Frankfurt", country: "DE" },
  "eu-west-1": { city: "London", country: "GB" },
  "me-east-1": { city: "Dubai", country: "AE" },
  "me-central-1": { city: "Riyadh", country: "SA" },
};

/** How a default was judged: `same-metro`, `same-country` (or union), or the `nearest` offered. */
export type GeographyBasis = "same-metro" | "same-country" | "nearest";

export interface AwsRegionGeography {
  city: string;
  country: string;
  /** Alibaba regions, nearest first; the first is the default, the rest are fallbacks. */
  defaults: readonly string[];
  basis: GeographyBasis;
}

export const AWS_REGION_GEOGRAPHY: Readonly<Record<string, AwsRegionGeography>> = {
  "us-east-1": { city: "N. Virginia", country: "US", defaults: ["us-east-1", "us-southeast-1", "us-west-1"], basis: "same-metro" },
  "us-east-2": { city: "Ohio", country: "US", defaults: ["us-east-1", "us-southeast-1", "us-west-1"], basis: "same-country" },
  "us-west-1": { city: "N. California", country: "US", defaults: ["us-west-1", "us-east-1"], basis: "same-metro" },
  "us-west-2": { city: "Oregon", country: "US", defaults: ["us-west-1", "us-east-1"], basis: "same-country" },
  "ca-central-1": { city: "Montreal", country: "CA", defaults: ["us-east-1", "us-west-1"], basis: "nearest" },
  "ca-west-1": { city: "Calgary", country: "CA", defaults: ["us-west-1", "us-east-1"], basis: "nearest" },
  "sa-east-1": { city: "Sao Paulo", country: "BR", defaults: ["us-east-1", "us-southeast-1", "us-west-1"], basis: "nearest" },
  "eu-central-1": { city: "Frankfurt", country: "DE", defaults: ["eu-central-1", "eu-west-1"], basis: "same-metro" },
  "eu-central-2": { city: "Zurich", country: "CH", defaults: ["eu-central-1", "eu-west-1"], basis: "nearest" },
  "eu-west-1": { city: "Ireland", country: "IE", defaults: ["eu-central-1", "eu-west-1"], basis: "same-country" },
  "eu-west-2": { city: "London", country: "GB", defaults: ["eu-west-1", "eu-central-1"], basis: "same-metro" },
  "eu-west-3": { city: "Paris", country: "FR", defaults: ["eu-central-1", "eu-west-1"], basis: "same-country" },
  "eu-north-1": { city: "Stockholm", country: "SE", defaults: ["eu-central-1", "eu-west-1"], basis: "same-country" },
  "eu-south-1": { city: "Milan", country: "IT", defaults: ["eu-central-1", "eu-west-1"], basis: "same-country" },
  "eu-south-2": { city: "Spain", country: "ES", defaults: ["eu-central-1", "eu-west-1"], basis: "same-country" },
  "il-central-1": { city: "Tel Aviv", country: "IL", defaults: ["me-east-1", "eu-central-1"], basis: "nearest" },
  "me-south-1": { city: "Bahrain", country: "BH", defaults: ["me-east-1", "me-central-1"], basis: "nearest" },
  "me-central-1": { city: "UAE", country: "AE", defaults: ["me-east-1", "me-central-1"], basis: "same-country" },
  "af-south-1": { city: "Cape Town", country: "ZA", defaults: ["eu-central-1", "me-east-1"], basis: "nearest" },
  "ap-east-1": { city: "Hong Kong", country: "HK", defaults: ["cn-hongkong", "ap-southeast-1"], basis: "same-metro" },
  "ap-southeast-1": { city: "Singapore", country: "SG", defaults: ["ap-southeast-1", "ap-southeast-3", "ap-southeast-8"], basis: "same-metro" },
  "ap-southeast-2": { city: "Sydney", country: "AU", defaults: ["ap-southeast-1", "ap-southeast-5"], basis: "nearest" },
  "ap-southeast-3": { city: "Jakarta", country: "ID", defaults: ["ap-southeast-5", "ap-southeast-1"], basis: "same-metro" },
  "ap-southeast-5": { city: "Malaysia", country: "MY", defaults: ["ap-southeast-3", "ap-southeast-8", "ap-southeast-1"], basis: "same-country" },
  "ap-southeast-7": { city: "Thailand", country: "TH", defaults: ["ap-southeast-7", "ap-southeast-1"], basis: "same-country" },
  "ap-northeast-1": { city: "Tokyo", country: "JP", defaults: ["ap-northeast-1", "ap-northeast-2"], basis: "same-metro" },
  "ap-northeast-2": { city: "Seoul", country: "KR", defaults: ["ap-northeast-2", "ap-northeast-1"], basis: "same-metro" },
  "ap-northeast-3": { city: "Osaka", country: "JP", defaults: ["ap-northeast-1", "ap-northeast-2"], basis: "same-country" },
  "ap-south-1": { city: "Mumbai", country: "IN", defaults: ["ap-southeast-1", "me-east-1"], basis: "nearest" },
  "cn-north-1": {
    city: "Beijing",
    country: "CN",
    defaults: ["cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu", "cn-qingdao", "cn-shanghai", "cn-hangzhou"],
    basis: "same-metro",
  },
  "cn-northwest-1": {
    city: "Ningxia",
    country: "CN",
    defaults: ["cn-wulanchabu", "cn-huhehaote", "cn-chengdu", "cn-beijing", "cn-zhangjiakou", "cn-shanghai", "cn-hangzhou"],
    basis: "nearest",
  },
};

const EU_MEMBERS = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
  "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
]);
const EEA_ONLY = new Set(["IS", "LI", "NO"]);

/** The areas a country belongs to, as residency rules name them. */
export function listCountryAreas(country: string): string[] {
  const areas = [country];
  if (EU_MEMBERS.has(country)) areas.push("EU", "EEA");
  else if (EEA_ONLY.has(country)) areas.push("EEA");
  if (country === "CN") areas.push("mainland-china");
  return areas;
}

/** AWS China regions (`cn-*`) are mainland China; Alibaba's follow the catalogue's rule (Hong Kong apart). */
export function readAwsRegionWorld(region: string): AccountWorld {
  return region.startsWith("cn-") ? "mainland-china" : "international";
}

export function readAlibabaRegionWorld(region: string): AccountWorld {
  return isMainlandRegion(region) ? "mainland-china" : "international";
}

/** The place of an Alibaba region, or undefined; own keys only, so `__proto__` or `constructor` is unknown. */
export function readAlibabaRegionPlace(region: string): AlibabaRegionPlace | undefined {
  return Object.hasOwn(ALIBABA_REGION_PLACES, region) ? ALIBABA_REGION_PLACES[region] : undefined;
}

/** The geography of an AWS region, or undefined; own keys only. */
export function readAwsRegionGeography(region: string): AwsRegionGeography | undefined {
  return Object.hasOwn(AWS_REGION_GEOGRAPHY, region) ? AWS_REGION_GEOGRAPHY[region] : undefined;
}

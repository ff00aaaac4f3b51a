/**
 * The shape of a service-mapping catalogue seed: what each AWS resource kind (CloudFormation type
 * name) becomes on Alibaba Cloud, as ranked candidate targets, plus the IoT details that matter for
 * a move (rule actions, rule SQL functions, name limits, shadow kinds, certificates, topic model).
 *
 * Rules the schema enforces beyond the field types, so that a file that validates can be trusted:
 * - kinds are unique (reported even beside other problems), and within an entry target names are unique;
 * - ranks run 1..n without gaps or repeats;
 * - a ROS type is either null or one of KNOWN_ROS_TYPES (never guessed);
 * - mainland China regions (`cn-*`, except Hong Kong) and international regions are kept apart;
 * - gap keys are unique within a target, detail keys unique within a section.
 */
import { z } from "zod";
import { isKnownRosType } from "@/lib/catalogue/known-ros-types";

export const CATEGORIES = [
  "identity",
  "network",
  "storage",
  "compute",
  "containers",
  "data",
  "analytics",
  "messaging",
  "iot",
  "ai",
  "security",
  "observability",
  "integration",
  "management",
] as const;

export const FITS = ["drop-in", "equivalent", "partial", "none"] as const;
export const CONFIDENCES = ["high", "medium", "low"] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const text = z.string().trim().min(1, "must not be empty");
const sourceUrl = z.url({ protocol: /^https$/, message: "expected an https link" });
const key = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "expected a lower-case key of letters, digits, . _ -");

/** Hong Kong's region id starts with cn- but it is outside mainland China. */
const INTERNATIONAL_CN_PREFIXED = new Set(["cn-hongkong"]);

export function isMainlandRegion(regionId: string): boolean {
  return regionId.startsWith("cn-") && !INTERNATIONAL_CN_PREFIXED.has(regionId);
}

const regionId = z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/, "expected an Alibaba region id such as cn-shanghai");

/**
 * Availability in one of the two worlds. `regions`: offered in these (all of them, as far as the
 * source says, unless `incomplete`); `none`: known not to be offered; `unknown`: not verified
 * (never guessed as available).
 */
const worldAvailability = z.discriminatedUnion("status", [
  z
    .object({
      status: z.literal("regions"),
      regions: z.array(regionId).min(1),
      /** True when the list read was cut short: more regions may offer it. */
      incomplete: z.literal(true).optional(),
      note: text.optional(),
    })
    .strict(),
  z.object({ status: z.literal("none"), note: text.optional() }).strict(),
  z.object({ status: z.literal("unknown"), note: text.optional() }).strict(),
]);

const availability = z
  .object({
    mainlandChina: worldAvailability,
    international: worldAvailability,
    /** Where the regions were read, when that is not the target's own source. */
    source: sourceUrl.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.mainlandChina.status === "regions") {
      value.mainlandChina.regions.forEach((region, i) => {
        if (!isMainlandRegion(region)) {
          ctx.addIssue({ code: "custom", path: ["mainlandChina", "regions", i], message: `${region} is not a mainland China region` });
        }
      });
    }
    if (value.international.status === "regions") {
      value.international.regions.forEach((region, i) => {
        if (isMainlandRegion(region)) {
          ctx.addIssue({ code: "custom", path: ["international", "regions", i], message: `${region} is a mainland China region` });
        }
      });
    }
  });

const gap = z.object({ key, text }).strict();

const rosType = z
  .string()
  .refine(isKnownRosType, { message: "not a known ROS type (add it to known-ros-types.ts with its source, or use null)" })
  .nullable();

const verification = {
  source: sourceUrl,
  verifiedOn: isoDate,
  confidence: z.enum(CONFIDENCES),
  /** Why the confidence is what it is, e.g. what could not be verified. */
  confidenceNote: text.optional(),
};

export const catalogueTargetSchema = z
  .object({
    rank: z.number().int().min(1),
    /** The Alibaba Cloud product (or self-managed software) the resource becomes. */
    name: text,
    rosType,
    fit: z.enum(FITS),
    /** What differs from the AWS resource, in words. */
    differs: text,
    gaps: z.array(gap),
    availability,
    /** Anything an architect must know before choosing it (e.g. an uncertain future). */
    caveat: text.optional(),
    ...verification,
  })
  .strict()
  .superRefine((target, ctx) => {
    findDuplicates(target.gaps.map((g) => g.key)).forEach((i) =>
      ctx.addIssue({ code: "custom", path: ["gaps", i, "key"], message: `duplicate gap key ${target.gaps[i]?.key}` }),
    );
  });

const kind = z.string().regex(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/, "expected a CloudFormation type name such as AWS::IoT::Thing");

export const catalogueEntrySchema = z
  .object({
    kind,
    /** The AWS service, as AWS names it. */
    awsService: text,
    category: z.enum(CATEGORIES),
    /** True when CloudFormation has no such type and the inventory names it itself. */
    synthetic: z.boolean().optional(),
    note: text.optional(),
    targets: z.array(catalogueTargetSchema).min(1, "needs at least one candidate target"),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const ranks = entry.targets.map((t) => t.rank);
    const sorted = [...ranks].sort((a, b) => a - b);
    if (sorted.some((rank, i) => rank !== i + 1)) {
      ctx.addIssue({ code: "custom", path: ["targets"], message: `ranks must run 1..${ranks.length} without gaps or repeats, found ${ranks.join(", ")}` });
    }
    findDuplicates(entry.targets.map((t) => t.name)).forEach((i) =>
      ctx.addIssue({ code: "custom", path: ["targets", i, "name"], message: `duplicate target ${entry.targets[i]?.name}` }),
    );
  });

/** One fact about one IoT detail: the AWS side, the Alibaba side (null when none), and how well it fits. */
const iotDetailFields = {
  key,
  aws: text,
  alibaba: text.nullable(),
  fit: z.enum(FITS),
  differs: text,
  ...verification,
};

const iotDetail = z.object(iotDetailFields).strict();

const nameRule = z
  .object({
    minLength: z.number().int().min(1),
    maxLength: z.number().int().min(1),
    /** The characters allowed, in words. */
    characters: text,
    /** Where the name must be unique. */
    uniqueWithin: text.optional(),
  })
  .strict()
  .refine((rule) => rule.minLength <= rule.maxLength, { message: "minLength is above maxLength", path: ["minLength"] });

const nameLimit = z
  .object({
    ...iotDetailFields,
    awsRule: nameRule.nullable(),
    alibabaRule: nameRule.nullable(),
    /** True when a Chinese character counts as two towards the length. */
    chineseCountsTwo: z.boolean(),
  })
  .strict();

const certificateDetail = z.object({ ...iotDetailFields, availability }).strict();

function keyedSection<T extends z.ZodType<{ key: string }>>(item: T) {
  return z.array(item).superRefine((items, ctx) => {
    findDuplicates(items.map((i) => i.key)).forEach((i) =>
      ctx.addIssue({ code: "custom", path: [i, "key"], message: `duplicate key ${items[i]?.key}` }),
    );
  });
}

export const IOT_DETAIL_SECTIONS = ["ruleActions", "sqlFunctions", "nameLimits", "shadowKinds", "certificates", "topicModel"] as const;

export const iotDetailsSchema = z
  .object({
    ruleActions: keyedSection(iotDetail),
    sqlFunctions: keyedSection(iotDetail),
    nameLimits: keyedSection(nameLimit),
    shadowKinds: keyedSection(iotDetail),
    certificates: keyedSection(certificateDetail),
    topicModel: keyedSection(iotDetail),
  })
  .strict();

export const catalogueSchema = z
  .object({
    /** The seed's version, e.g. "2026-12"; a later seed carries a later version. */
    version: z.string().regex(/^\d{4}-\d{2}(\.\d+)?$/, "expected a version such as 2026-12 or 2026-12.1"),
    date: isoDate,
    entries: z
      .array(catalogueEntrySchema)
      .min(1)
      // Runs even when other entries are bad, so a duplicate is reported with them; the items may
      // not have parsed, hence the defensive read of `kind`.
      .superRefine(
        (entries, ctx) => {
          const kinds = (entries as unknown[]).map((e) => (e !== null && typeof e === "object" ? String((e as { kind?: unknown }).kind) : ""));
          findDuplicates(kinds).forEach((i) =>
            ctx.addIssue({ code: "custom", path: [i, "kind"], message: `duplicate kind ${kinds[i]}` }),
          );
        },
        { when: (payload) => Array.isArray(payload.value) },
      ),
    iot: iotDetailsSchema,
  })
  .strict();

/** Indexes of the items whose value appeared earlier in the list. */
function findDuplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  values.forEach((value, i) => {
    if (seen.has(value)) duplicates.push(i);
    seen.add(value);
  });
  return duplicates;
}

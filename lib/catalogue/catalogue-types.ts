/**
 * Types shared by the catalogue's files: the parsed seed (from catalogue-schema.ts) and the
 * difference between two seed versions (compare-catalogue-versions.ts).
 */
import type { z } from "zod";
import type {
  CATEGORIES,
  CONFIDENCES,
  FITS,
  IOT_DETAIL_SECTIONS,
  catalogueEntrySchema,
  catalogueSchema,
  catalogueTargetSchema,
} from "@/lib/catalogue/catalogue-schema";

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export type CatalogueTarget = z.infer<typeof catalogueTargetSchema>;
export type CatalogueCategory = (typeof CATEGORIES)[number];
export type Fit = (typeof FITS)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type IotDetailSection = (typeof IOT_DETAIL_SECTIONS)[number];

/** One problem in a seed file: which entry (its kind, or detail key) and which field. */
export interface CatalogueSeedIssue {
  /** The entry's kind (`AWS::SQS::Queue`), `iot.<section>.<key>`, or null for the file itself. */
  entry: string | null;
  /** The field inside the entry (or file), e.g. `targets[1].fit`. */
  field: string;
  message: string;
}

/** One changed value: `path` inside the entry, e.g. `targets[ApsaraMQ for RocketMQ].fit`. */
export interface CatalogueFieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface CatalogueEntryChange {
  /** The entry's id: its kind, or `iot.<section>.<key>` for an IoT detail. */
  id: string;
  changes: CatalogueFieldChange[];
}

export interface CatalogueComparison {
  from: { version: string; date: string };
  to: { version: string; date: string };
  /** Ids present only in the newer version. */
  added: string[];
  /** Ids present only in the older version. */
  removed: string[];
  /** Ids present in both whose fields differ, with every changed field. */
  changed: CatalogueEntryChange[];
}

/**
 * The input of the infrastructure-as-code generators (generate-ros-template.ts, generate-terraform.ts):
 * plain data read from the newest succeeded mapping run of a plan (read-iac-input.ts) or taken straight
 * from mapScan() in tests. No database handle, no clock: the generators are pure.
 *
 * - `proposals` hold every proposal of the run except AWS::IoT::Thing: devices at fleet size are
 *   registered in bulk by the runbook, never declared in a template. Their number is `deviceCount`.
 * - Only proposals with status "mapped" become resources; the others are listed as skipped, with why.
 */
import type { MapScanResult, Proposal, ProposedProduct } from "@/lib/mapping/map-scan/map-scan-types";

export interface IacRegion {
  /** The AWS region the resources come from. */
  sourceRegion: string;
  /** The Alibaba region the plan chose for it; null when none is chosen yet. */
  alibabaRegion: string | null;
}

export interface IacInput {
  planName: string;
  runId: string;
  regions: IacRegion[];
  products: ProposedProduct[];
  republishRules: MapScanResult["republishRules"];
  /** Every proposal of the run but AWS::IoT::Thing, sorted by ARN then kind. */
  proposals: Proposal[];
  /** How many AWS::IoT::Thing proposals the run holds (counted, never templated). Optional for hand-made inputs. */
  deviceCount?: number;
}

/** One generated file: a path relative to the export's root and its text. */
export interface IacFile {
  path: string;
  content: string;
}

export interface IacOutput {
  files: IacFile[];
  /** What the files leave out or the reader must complete, one sentence each, deterministic order. */
  warnings: string[];
}

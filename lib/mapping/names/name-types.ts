/**
 * Types shared by the name fitting of the mapping step: AWS names (thing types, things, thing groups,
 * topic rules) rewritten into names Alibaba Cloud IoT Platform accepts, and the name map that keeps a
 * fitted name stable across re-runs.
 */

/** The kinds of IoT Platform names the mapping proposes (`nickname`: a device's Nickname, where the AWS thing name is shown). */
export type NameKind = "product" | "device" | "group" | "rule" | "nickname";

/**
 * Why a fitted name differs from its original (machine keys, in this order when several apply):
 * - `rewrote-characters`: characters Alibaba refuses were replaced (by `_`, or by an accepted
 *   equivalent such as `A` for a full-width `Ａ` or `e` for `é`);
 * - `generated`: nothing of the original could be kept (empty, or only refused characters), so the
 *   name is the kind's word and a suffix derived from the original;
 * - `padded`: the name was too short and was padded to the minimum length;
 * - `truncated`: the name was too long and was cut (a Chinese character counting two);
 * - `deduplicated`: the name was already taken in its scope and got a suffix derived from the original.
 */
export type FitReason = "rewrote-characters" | "generated" | "padded" | "truncated" | "deduplicated";

export interface FittedName {
  /** The name to use on Alibaba Cloud. */
  name: string;
  /** The AWS name it was made from, unchanged. */
  original: string;
  /** `name !== original`. */
  changed: boolean;
  reasons: FitReason[];
}

export interface FitNameOptions {
  /**
   * Whether a name is already used in the scope (products of an instance, devices of a product...).
   * A fitted name is never one for which this answers true.
   */
  isTaken?: (name: string) => boolean;
}

/** What a validator found wrong with a name (machine keys). */
export type NameProblem = "not-a-string" | "too-short" | "too-long" | "refused-characters";

export interface NameValidation {
  valid: boolean;
  /** Empty when valid. */
  problems: NameProblem[];
  /** The length as Alibaba counts it (a Chinese character counting two where the kind says so). */
  length: number;
}

/** One original and the name it was given. */
export interface NamePair {
  original: string;
  name: string;
  /** Why the name differs from the original (kept so that a re-run need not fit the name again to say why). */
  reasons?: FitReason[];
}

/**
 * The stored name map of one scope (for example the devices of one product), as plain data.
 * `active`: originals present in the last run. `retired`: originals that disappeared; their names stay
 * reserved (the resource may still exist on Alibaba) and come back if the original reappears.
 * Both sorted by original.
 */
export interface NameMapState {
  kind: NameKind;
  active: NamePair[];
  retired: NamePair[];
}

/**
 * How an original of this run got its name:
 * - `kept`: it was in the previous map and keeps its name;
 * - `restored`: it had disappeared and came back: it gets its old name again;
 * - `added`: it is new and got a freshly fitted name;
 * - `refitted`: it was mapped, but its old name could not be kept (see `problem`).
 */
export type NameMapEntryStatus = "kept" | "restored" | "added" | "refitted";

export interface NameMapEntry extends FittedName {
  status: NameMapEntryStatus;
  /** For `refitted`: why the previous name could not be kept. */
  problem?: "previous-name-invalid" | "previous-name-duplicated";
  /** For `refitted`: the name the previous map held. */
  previousName?: string;
}

/** An item of the input that could not be mapped; the other items are mapped all the same. */
export interface NameMapError {
  /** Where the item was: `originals[3]`, `previous.active[2]`... */
  at: string;
  code: "not-a-list" | "not-a-string" | "malformed-pair" | "duplicate-original" | "duplicate-name" | "invalid-previous-name" | "no-free-name";
  message: string;
}

export interface NameMapUpdate {
  /** The map to store for the next run. */
  state: NameMapState;
  /** One entry per distinct original of this run, sorted by original (none for one that got no name: see errors). */
  entries: NameMapEntry[];
  /** Originals of the previous map that are not in this run, with the name that stays reserved for them. */
  removed: NamePair[];
  errors: NameMapError[];
}

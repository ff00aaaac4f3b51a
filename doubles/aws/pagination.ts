/**
 * Pagination tokens the stand-in hands out: opaque to the client, but they only encode the
 * listing they belong to and an offset into it. The estate never changes while the server runs,
 * so a token kept from an earlier run (after a crash, say) resumes exactly where it left off.
 */
import { hashString } from "./prng";

const PREFIX = "srt1";

function checksum(listing: string, offset: number): string {
  return hashString(`${listing}\u0000${offset}`, 0x5eed).toString(36);
}

export function encodeToken(listing: string, offset: number): string {
  return Buffer.from(`${PREFIX}:${offset}:${checksum(listing, offset)}`).toString("base64url");
}

/** The offset a token stands for; 0 without a token; null when the token is not one of ours for this listing. */
export function decodeToken(listing: string, token: string | undefined | null): number | null {
  if (token === undefined || token === null || token === "") return 0;
  const text = Buffer.from(token, "base64url").toString("utf8");
  const parts = text.split(":");
  if (parts.length !== 3 || parts[0] !== PREFIX) return null;
  const offset = Number(parts[1]);
  if (!Number.isInteger(offset) || offset < 0) return null;
  if (parts[2] !== checksum(listing, offset)) return null;
  return offset;
}

export interface Page<T> {
  items: T[];
  /** Offset of the next page, or undefined when this page was the last. */
  nextOffset?: number;
}

export function slicePage<T>(items: readonly T[], offset: number, size: number): Page<T> {
  const end = Math.min(items.length, offset + size);
  return { items: items.slice(offset, end), nextOffset: end < items.length ? end : undefined };
}

/** Slice of a virtual list of `length` items produced by `at(i)`: no intermediate array of the whole list. */
export function slicePageOf<T>(length: number, at: (i: number) => T, offset: number, size: number): Page<T> {
  const end = Math.min(length, offset + size);
  const items: T[] = [];
  for (let i = offset; i < end; i++) items.push(at(i));
  return { items, nextOffset: end < length ? end : undefined };
}

/**
 * A short suffix derived from a name's original, for making fitted names unique. It depends only on the
 * original and the attempt number, never on which other names were seen first, so a name keeps its suffix
 * whatever else is in the scope. Six characters of `[0-9a-z]` (accepted by every kind of name): about two
 * billion values.
 *
 * The hash is cyrb53 (a public-domain 53-bit string hash by bryc): fast, well mixed, deterministic across
 * platforms. It is not a security measure.
 */
export const NAME_SUFFIX_LENGTH = 6;
const SUFFIX_SPACE = 36 ** NAME_SUFFIX_LENGTH;

export function hashNameSuffix(original: string, attempt = 0): string {
  let h1 = 0xdeadbeef ^ attempt;
  let h2 = 0x41c6ce57 ^ attempt;
  for (let i = 0; i < original.length; i++) {
    const unit = original.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return (hash % SUFFIX_SPACE).toString(36).padStart(NAME_SUFFIX_LENGTH, "0");
}

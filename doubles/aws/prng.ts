/**
 * Small deterministic random source for the stand-in AWS: the same seed always yields the same
 * estate and the same fault pattern. Never use Math.random in this folder.
 */

/** 32-bit FNV-1a hash of a string, mixed with an optional seed. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche so that near-identical strings land far apart
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in [0, 1) drawn from (seed, key, counter) without keeping state. */
export function hashUnit(seed: number, key: string, counter: number): number {
  return hashString(`${key}#${counter}`, seed) / 0x1_0000_0000;
}

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: a uniform number in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `count` lowercase hex characters. */
  hex(count: number): string {
    const bytes = Buffer.allocUnsafe(Math.ceil(count / 8) * 4);
    for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32BE(Math.floor(this.next() * 0x1_0000_0000), i);
    return bytes.toString("hex", 0, Math.ceil(count / 2)).slice(0, count);
  }

  /** `count` characters from [a-z0-9]. */
  alnum(count: number): string {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    let out = "";
    for (let i = 0; i < count; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** A version-4 shaped UUID. */
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[this.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** A child generator whose sequence does not depend on how much this one is used later. */
  fork(label: string): Prng {
    return new Prng(hashString(label, this.state));
  }
}

/** A UUID-shaped id derived from a text: the same text always gives the same id. */
export function uuidFrom(text: string): string {
  const h = [1, 2, 3, 4].map((k) => hashString(text, k).toString(16).padStart(8, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[parseInt(h[16] as string, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

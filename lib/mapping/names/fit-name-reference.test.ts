/**
 * The name fitter's results over many seeded random names, mostly ASCII (the common case, which has a
 * shorter path through fit-name.ts), compared byte for byte (SHA-256 of their JSON) with the results of
 * the fitter before that path existed: every kind, alone and against names already taken.
 */
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { fitName } from "@/lib/mapping/names/fit-name";
import { NAME_RULES } from "@/lib/mapping/names/name-rules";
import type { NameKind } from "@/lib/mapping/names/name-types";

function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const ASCII = "abcXYZ0189_-:@.+/ #*é";
const OTHER = ["温", "度", "ア", "ー", "Ａ", "ﾃﾞ", "😀", "\u0301", "ß"];

function names(seed: number, count: number): string[] {
  const random = generator(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = Math.floor(random() * 70);
    let name = "";
    for (let j = 0; j < length; j++) name += random() < 0.97 ? ASCII[Math.floor(random() * (ASCII.length - 1))] : OTHER[Math.floor(random() * OTHER.length)];
    out.push(name);
  }
  return out;
}

describe("fitName against its reference", () => {
  it("fits 4,000 names of every kind exactly as before, alone and in a scope", () => {
    const originals = names(11, 4_000);
    const results: unknown[] = [];
    for (const kind of Object.keys(NAME_RULES).sort() as NameKind[]) {
      const taken = new Set<string>();
      for (const original of originals) {
        results.push(fitName(NAME_RULES[kind], original));
        const fitted = fitName(NAME_RULES[kind], original, { isTaken: (n) => taken.has(n.toLowerCase()) });
        taken.add(fitted.name.toLowerCase());
        results.push(fitted);
      }
    }
    expect(crypto.createHash("sha256").update(JSON.stringify(results)).digest("hex")).toBe("5023f685f248d694f8b901a917e667f20db6e423d08ec3c29dd21d55c25bc585");
  });
});

import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { WireByteQueue } from "@/lib/db/wire-byte-queue";

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("the wire byte queue", () => {
  it("hands back exactly the bytes pushed, in order, however they were chunked and taken", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const data = crypto.randomBytes(200_000);
      const queue = new WireByteQueue();
      const taken: Buffer[] = [];
      let pushed = 0;
      let consumed = 0;
      while (consumed < data.length) {
        if (pushed < data.length && (next() < 0.6 || queue.length === 0)) {
          // Chunks from 1 byte to 20 KiB: some packed into the tail block, some kept as they are.
          const size = Math.min(data.length - pushed, next() < 0.5 ? 1 + Math.floor(next() * 10) : 1 + Math.floor(next() * 20_000));
          queue.push(data.subarray(pushed, pushed + size));
          pushed += size;
        } else {
          const peekAt = Math.floor(next() * queue.length);
          expect(queue.byteAt(peekAt)).toBe(data[consumed + peekAt]);
          if (queue.length >= 4) expect(queue.int32At(0)).toBe(data.readInt32BE(consumed));
          const size = Math.min(queue.length, 1 + Math.floor(next() * 30_000));
          taken.push(Buffer.from(queue.take(size)));
          consumed += size;
        }
        expect(queue.length).toBe(pushed - consumed);
      }
      expect(Buffer.concat(taken).equals(data)).toBe(true);
    }
  });

  it("refuses to read past what it holds", () => {
    const queue = new WireByteQueue();
    queue.push(Buffer.from([1, 2, 3]));
    expect(() => queue.byteAt(3)).toThrow(RangeError);
    expect(() => queue.int32At(0)).toThrow(RangeError);
    expect(() => queue.take(4)).toThrow(RangeError);
    expect(queue.take(3)).toEqual(Buffer.from([1, 2, 3]));
    expect(queue.length).toBe(0);
  });

  it("reads a length of -1 as -1", () => {
    const queue = new WireByteQueue();
    queue.push(Buffer.from([0x51]));
    queue.push(Buffer.from([0xff, 0xff]));
    queue.push(Buffer.from([0xff, 0xff]));
    expect(queue.int32At(1)).toBe(-1);
  });
});

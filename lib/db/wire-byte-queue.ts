import "server-only";

/** Chunks smaller than this are copied into a shared tail buffer instead of being kept one by one. */
const SMALL_CHUNK_BYTES = 4096;
const TAIL_BYTES = 64 * 1024;

/**
 * The bytes a client has sent that are not yet whole messages, kept as the list of chunks they
 * arrived in. Peeking at a header reads across chunk boundaries without copying, and a message is
 * joined only once, when all of it is there, so buffering costs time linear in the bytes received
 * whatever the chunking (no concatenation of the whole buffer on every chunk). Small chunks (a
 * client writing a byte at a time) are packed into 64 KiB blocks, so neither the number of
 * chunks nor their bookkeeping grows faster than the bytes themselves.
 */
export class WireByteQueue {
  private chunks: Buffer[] = [];
  /** Index of the first chunk still holding bytes. */
  private head = 0;
  /** Bytes of chunks[head] already taken. */
  private offset = 0;
  /** The block small chunks are packed into; bytes tailStart..tailEnd are queued, after every chunk. */
  private tail: Buffer | null = null;
  private tailStart = 0;
  private tailEnd = 0;
  private total = 0;

  get length(): number {
    return this.total;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (chunk.length >= SMALL_CHUNK_BYTES) {
      this.sealTail();
      this.chunks.push(chunk);
    } else {
      if (!this.tail || this.tail.length - this.tailEnd < chunk.length) {
        this.sealTail();
        this.tail = Buffer.allocUnsafe(TAIL_BYTES);
        this.tailStart = 0;
        this.tailEnd = 0;
      }
      chunk.copy(this.tail, this.tailEnd);
      this.tailEnd += chunk.length;
    }
    this.total += chunk.length;
  }

  /** The byte at `index` from the front; the caller checks `length` first. */
  byteAt(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.total) throw new RangeError(`byte ${index} of ${this.total}`);
    let at = index + this.offset;
    for (let i = this.head; i < this.chunks.length; i++) {
      const chunk = this.chunks[i]!;
      if (at < chunk.length) return chunk[at]!;
      at -= chunk.length;
    }
    return this.tail![this.tailStart + at]!;
  }

  /** A big-endian signed 32-bit integer starting at `index`. */
  int32At(index: number): number {
    return (this.byteAt(index) << 24) | (this.byteAt(index + 1) << 16) | (this.byteAt(index + 2) << 8) | this.byteAt(index + 3);
  }

  /** Removes and returns the first `count` bytes (copied once when they span several chunks). */
  take(count: number): Buffer {
    if (!Number.isInteger(count) || count < 0 || count > this.total) throw new RangeError(`take ${count} of ${this.total}`);
    let out: Buffer | null = null;
    let written = 0;
    while (written < count) {
      const fromChunk = this.head < this.chunks.length;
      const segment = fromChunk ? this.chunks[this.head]! : this.tail!;
      const start = fromChunk ? this.offset : this.tailStart;
      const end = fromChunk ? segment.length : this.tailEnd;
      const n = Math.min(end - start, count - written);
      if (out === null && n === count) {
        out = segment.subarray(start, start + n); // the whole message in one piece: no copy
      } else {
        out ??= Buffer.allocUnsafe(count);
        segment.copy(out, written, start, start + n);
      }
      written += n;
      if (fromChunk) {
        this.offset += n;
        if (this.offset === segment.length) this.dropHeadChunk();
      } else {
        this.tailStart += n;
      }
    }
    this.total -= count;
    return out ?? Buffer.alloc(0);
  }

  clear(): void {
    this.chunks = [];
    this.head = 0;
    this.offset = 0;
    this.tail = null;
    this.tailStart = 0;
    this.tailEnd = 0;
    this.total = 0;
  }

  /** Puts the packed small chunks in line as an ordinary chunk, before a large chunk follows. */
  private sealTail(): void {
    if (this.tail && this.tailEnd > this.tailStart) {
      this.chunks.push(this.tail.subarray(this.tailStart, this.tailEnd));
      this.tailStart = this.tailEnd;
    }
  }

  private dropHeadChunk(): void {
    this.chunks[this.head] = undefined as unknown as Buffer;
    this.head++;
    this.offset = 0;
    if (this.head === this.chunks.length) {
      this.chunks = [];
      this.head = 0;
    } else if (this.head > 64 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
  }
}

import { csvCell } from "@/lib/exports/csv-cell";

/**
 * A CSV download streamed batch by batch, so a large export never sits in memory: a `# note` line,
 * the header, then one line per item (every cell through csvCell), CRLF line ends.
 */
export function streamCsv<T>(options: { note: string; header: readonly string[]; batches: AsyncIterator<T[]>; row: (item: T) => readonly string[] }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`# ${options.note}\r\n${options.header.map(csvCell).join(",")}\r\n`));
    },
    async pull(controller) {
      // An empty batch enqueues nothing, and a pull that enqueues nothing is not called again: skip it.
      let next = await options.batches.next();
      while (!next.done && next.value.length === 0) next = await options.batches.next();
      if (next.done) return controller.close();
      const lines = next.value.map((item) => options.row(item).map(csvCell).join(","));
      controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
    },
    async cancel() {
      await options.batches.return?.();
    },
  });
}

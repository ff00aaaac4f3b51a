/**
 * One JSON document streamed batch by batch: the fields of `head` first, then `arrayKey` holding
 * every item, so a large export never sits in memory and the file still parses as one document.
 */
export function streamJsonDocument<T>(options: { head: Record<string, unknown>; arrayKey: string; batches: AsyncIterator<T[]>; item: (item: T) => unknown }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream({
    start(controller) {
      const head = Object.entries(options.head)
        .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
        .join(",");
      controller.enqueue(encoder.encode(`{${head}${head ? "," : ""}${JSON.stringify(options.arrayKey)}:[`));
    },
    async pull(controller) {
      // An empty batch enqueues nothing, and a pull that enqueues nothing is not called again: skip it.
      let next = await options.batches.next();
      while (!next.done && next.value.length === 0) next = await options.batches.next();
      if (next.done) {
        controller.enqueue(encoder.encode("]}\n"));
        return controller.close();
      }
      const chunk = next.value.map((item) => JSON.stringify(options.item(item))).join(",\n");
      controller.enqueue(encoder.encode(`${first ? "" : ",\n"}${chunk}`));
      first = false;
    },
    async cancel() {
      await options.batches.return?.();
    },
  });
}

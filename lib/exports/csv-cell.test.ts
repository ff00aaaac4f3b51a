import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/exports/csv-cell";
import { streamCsv } from "@/lib/exports/stream-csv";
import { streamJsonDocument } from "@/lib/exports/stream-json-document";

async function* from<T>(...batches: T[][]) {
  for (const batch of batches) yield batch;
}

describe("csvCell", () => {
  it("keeps cells a spreadsheet would run as a formula as text", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}SUM(A1)`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("-2")).toBe("'-2");
  });

  it("quotes cells with quotes, commas and line breaks, doubling the quotes", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("\rboth")).toBe(`"'\rboth"`);
  });

  it("leaves ordinary text alone, including a formula sign that is not first", () => {
    expect(csvCell("arn:aws:iot:eu-central-1:1:thing/a=b")).toBe("arn:aws:iot:eu-central-1:1:thing/a=b");
    expect(csvCell("")).toBe("");
    expect(csvCell("设备-1")).toBe("设备-1");
  });
});

describe("the streamed exports", () => {
  it("write a note, a header and one CRLF line per item across batches", async () => {
    const text = await new Response(streamCsv({ note: "Note.", header: ["a", "b"], batches: from([{ a: "1", b: "=x" }], [], [{ a: "2", b: "y,z" }]), row: (r) => [r.a, r.b] })).text();
    expect(text).toBe("# Note.\r\na,b\r\n1,'=x\r\n2,\"y,z\"\r\n");
  });

  it("write one JSON document that parses, however the items are batched", async () => {
    const text = await new Response(streamJsonDocument({ head: { note: "N" }, arrayKey: "items", batches: from([1, 2], [], [3]), item: (n) => ({ n }) })).text();
    expect(JSON.parse(text)).toEqual({ note: "N", items: [{ n: 1 }, { n: 2 }, { n: 3 }] });
    const empty = await new Response(streamJsonDocument({ head: {}, arrayKey: "items", batches: from<number>(), item: (n) => n })).text();
    expect(JSON.parse(empty)).toEqual({ items: [] });
  });
});

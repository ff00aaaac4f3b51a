import { describe, expect, it } from "vitest";
import {
  NESTED_TOO_DEEP,
  RAW_LIMITS,
  RECORD_CUT,
  REDACTED,
  TRUNCATION_MARK,
  capString,
  parseRawDocument,
  rawRecord,
  redactSecretsInString,
  redactSecretsInText,
  redactUrlSecrets,
  toRaw,
  toStorableJson,
} from "@/lib/aws/to-raw";
import { tagsToRecord } from "@/lib/aws/tags-to-record";

const bytesOf = (text: string) => Buffer.byteLength(text, "utf8");
function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}
function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  return 1 + Math.max(0, ...Object.values(value as Record<string, unknown>).map(depthOf));
}

describe("toRaw", () => {
  it("makes SDK output plain JSON", () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(
      toRaw({
        $metadata: { requestId: "x" },
        when: new Date("2026-01-02T03:04:05Z"),
        bytes: new TextEncoder().encode("hi"),
        binary: new Uint8Array([0xff, 0xfe, 0x00]),
        big: 10n,
        skip: undefined,
        fn: () => 1,
        nested: [{ n: Number.NaN }],
        circular,
      }),
    ).toEqual({
      when: "2026-01-02T03:04:05.000Z",
      bytes: "hi",
      binary: "[3 bytes of binary data]",
      big: "10",
      nested: [{ n: "NaN" }],
      circular: { a: 1, self: "[circular]" },
    });
  });

  it("keeps hostile text as it is, except NUL which Postgres cannot store", () => {
    const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(1)>\u202e\u0007'; DROP TABLE resources; --`;
    expect(toRaw({ hostile, nul: "a\u0000b", ["k\u0000"]: 1 })).toEqual({ hostile, nul: "a\u2400b", ["k\u2400"]: 1 });
  });

  it("replaces values under credential-looking keys, and only those", () => {
    expect(
      rawRecord({
        salesforce: { token: "sf-secret", url: "https://x" },
        kafka: { clientProperties: { "sasl.plain.password": "p", "bootstrap.servers": "b:9092", "key.serializer": "k" } },
        SecretAccessKey: "s",
        nextToken: "n",
        tokenKeyName: "t",
        KMSMasterKeyID: "k",
        SecretArn: "arn:aws:secretsmanager:eu-west-1:1:secret:x",
      }),
    ).toEqual({
      salesforce: { token: REDACTED, url: "https://x" },
      kafka: { clientProperties: { "sasl.plain.password": REDACTED, "bootstrap.servers": "b:9092", "key.serializer": "k" } },
      SecretAccessKey: REDACTED,
      nextToken: "n",
      tokenKeyName: "t",
      KMSMasterKeyID: "k",
      SecretArn: "arn:aws:secretsmanager:eu-west-1:1:secret:x",
    });
  });

  it("redacts pre-signed URL credentials and URL passwords in any string, keeping bucket and key", () => {
    const signed =
      "https://iot-firmware.s3.eu-central-1.amazonaws.com/firmware/2.1.0.bin?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLE%2F20260101%2Feu-central-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=3600&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLE&X-Amz-SignedHeaders=host&X-Amz-Signature=0123abcd";
    const out = toRaw({ note: `download ${signed} then reboot`, db: "postgres://ingest:hunter2@db.internal:5432/iot" }) as Record<string, string>;
    expect(out.note).not.toMatch(/ASIAEXAMPLE|IQoJb3JpZ2luX2VjEXAMPLE|0123abcd/);
    expect(out.note).toContain("https://iot-firmware.s3.eu-central-1.amazonaws.com/firmware/2.1.0.bin?X-Amz-Algorithm=AWS4-HMAC-SHA256");
    expect(out.note).toContain(`X-Amz-Signature=${REDACTED}`);
    expect(out.note).toContain("X-Amz-Expires=3600");
    expect(out.note?.endsWith(" then reboot")).toBe(true);
    expect(out.db).toBe(`postgres://ingest:${REDACTED}@db.internal:5432/iot`);
    // SigV2 query signatures too; a plain URL is left alone.
    expect(redactSecretsInString("https://b.s3.amazonaws.com/k?AWSAccessKeyId=AKIA&Expires=1&Signature=abc%3D")).toBe(
      `https://b.s3.amazonaws.com/k?AWSAccessKeyId=AKIA&Expires=1&Signature=${REDACTED}`,
    );
    expect(redactSecretsInString("https://user@example.com/x?a=1")).toBe("https://user@example.com/x?a=1");
  });

  it("caps every string at 64 KiB of UTF-8 without splitting a character, saying how long it was", () => {
    const long = "é".repeat(RAW_LIMITS.maxStringBytes); // 2 bytes each
    const capped = capString(long);
    expect(bytesOf(capped)).toBeLessThanOrEqual(RAW_LIMITS.maxStringBytes);
    expect(capped).toContain(`${TRUNCATION_MARK}, ${2 * RAW_LIMITS.maxStringBytes} bytes]`);
    expect(capped).not.toContain("\uFFFD");
    expect(capString("short")).toBe("short");
    expect(capString(capped)).toBe(capped);
    const raw = toRaw({ doc: "x".repeat(200_000), ["k".repeat(100_000)]: 1 }) as Record<string, string>;
    expect(bytesOf(raw.doc!)).toBeLessThanOrEqual(RAW_LIMITS.maxStringBytes);
    expect(Object.keys(raw).every((k) => bytesOf(k) <= RAW_LIMITS.maxStringBytes)).toBe(true);
  });

  it("stops at 32 levels of nesting", () => {
    const out = toRaw(nested(100));
    expect(depthOf(out)).toBe(RAW_LIMITS.maxDepth);
    expect(JSON.stringify(out)).toContain(NESTED_TOO_DEEP);
    expect(toRaw(nested(RAW_LIMITS.maxDepth - 1))).toEqual(nested(RAW_LIMITS.maxDepth - 1));
  });

  it("keeps at most 10,000 entries per object and array, counting the rest", () => {
    const items = Array.from({ length: RAW_LIMITS.maxEntries + 5 }, (_, i) => i);
    const arr = toRaw(items) as unknown[];
    expect(arr).toHaveLength(RAW_LIMITS.maxEntries + 1);
    expect(arr.at(-1)).toBe("[5 more items not stored]");
    const obj = toRaw(Object.fromEntries(items.map((i) => [`k${i}`, i]))) as Record<string, unknown>;
    expect(Object.keys(obj)).toHaveLength(RAW_LIMITS.maxEntries + 1);
    expect(obj["…"]).toBe("[5 more keys not stored]");
  });

  it("keeps a record within 1 MiB of JSON, cutting what comes last", () => {
    const big = { first: "a".repeat(60_000), parts: Array.from({ length: 40 }, (_, i) => ({ i, text: "b".repeat(60_000) })) };
    const out = toRaw(big) as { first: string; parts: unknown[] };
    const text = JSON.stringify(out);
    expect(bytesOf(text)).toBeLessThanOrEqual(RAW_LIMITS.maxTotalBytes);
    expect(bytesOf(text)).toBeGreaterThan(RAW_LIMITS.maxTotalBytes * 0.9);
    expect(out.first).toBe(big.first);
    expect(text).toContain(RECORD_CUT);
    // Text that JSON escapes (control characters: 6 bytes each) is brought under the limit too.
    const escaped = { lines: Array.from({ length: 40 }, () => "\u0001".repeat(30_000)) };
    const stored = toStorableJson(escaped);
    expect(bytesOf(stored.text)).toBeLessThanOrEqual(RAW_LIMITS.maxTotalBytes);
    expect(JSON.parse(stored.text)).toEqual(stored.value);
  });
});

describe("toStorableJson", () => {
  it("applies the same limits to a value that did not come through toRaw", () => {
    const value = { deep: nested(60), nul: "x\u0000y", long: "z".repeat(RAW_LIMITS.maxStringBytes + 5), n: 5n, password: "p" };
    const stored = toStorableJson(value);
    expect(JSON.parse(stored.text)).toEqual(toRaw(value));
    expect(stored.text).toContain(NESTED_TOO_DEEP);
    expect(stored.text).toContain("x\u2400y");
    expect(stored.text).not.toContain('"p"');
    expect(toStorableJson({ a: "plain" }).text).toBe('{"a":"plain"}');
    // A backslash followed by u0000 as text is not a NUL.
    expect(toStorableJson({ a: "\\u0000" }).text).toBe(JSON.stringify({ a: "\\u0000" }));
  });

  it("serialises what toRaw made as it is, and leaves tag values unredacted when asked", () => {
    const raw = rawRecord({ a: [1, "two", { three: null }] });
    expect(toStorableJson(raw).value).toBe(raw);
    expect(toStorableJson(raw).text).toBe(JSON.stringify(raw));
    expect(JSON.parse(toStorableJson({ password: "tag-value" }, { redact: false }).text)).toEqual({ password: "tag-value" });
  });
});

describe("documents kept as strings", () => {
  it("parses JSON documents so the sanitiser sees inside them", () => {
    const doc = JSON.stringify({ operation: "configure", wifi: { ssid: "plant-7", password: "hunter2" }, url: "${aws:iot:s3-presigned-url:https://s3.amazonaws.com/b/k.bin}" });
    expect(toRaw({ document: parseRawDocument(doc) })).toEqual({
      document: { operation: "configure", wifi: { ssid: "plant-7", password: REDACTED }, url: "${aws:iot:s3-presigned-url:https://s3.amazonaws.com/b/k.bin}" },
    });
  });

  it("keeps a document that is not JSON as text, with its secrets redacted", () => {
    const text = `operation=update\nurl=https://b.s3.amazonaws.com/fw.bin?X-Amz-Credential=AKIAX&X-Amz-Signature=feed\napiKey: sk-live-123\n"password" = "hunter2"\nnextToken: keep`;
    const out = parseRawDocument(text) as string;
    expect(typeof out).toBe("string");
    expect(out).not.toMatch(/AKIAX|feed|sk-live-123|hunter2/);
    expect(out).toContain("operation=update");
    expect(out).toContain("https://b.s3.amazonaws.com/fw.bin?");
    expect(out).toContain("nextToken: keep");
    expect(redactSecretsInText(out)).toBe(out);
    expect(parseRawDocument("{not json")).toBe("{not json");
  });
});

describe("redactUrlSecrets", () => {
  it("removes user:password and secret query values, keeps the rest", () => {
    expect(redactUrlSecrets("https://user:pw@hooks.example.com/ingest?api_key=abc&region=eu")).toBe(
      `https://redacted@hooks.example.com/ingest?api_key=${encodeURIComponent(REDACTED)}&region=eu`,
    );
    expect(redactUrlSecrets("https://hooks.example.com/ingest?region=eu")).toBe("https://hooks.example.com/ingest?region=eu");
    expect(redactUrlSecrets("not a url")).toBe("not a url");
  });
});

describe("tagsToRecord", () => {
  it("reads every spelling AWS uses and keeps hostile values exactly", () => {
    const hostile = ['<img src=x onerror="alert(1)">', "=HYPERLINK(\"http://evil\")", "'; DROP TABLE resources; --", "\u202Eevil", "{{7*7}}"];
    expect(tagsToRecord(hostile.map((Value, i) => ({ Key: `k${i}`, Value })))).toEqual(Object.fromEntries(hostile.map((v, i) => [`k${i}`, v])));
    expect(tagsToRecord([{ key: "a", value: "1" }, { TagKey: "b", TagValue: "2" }, { Key: "c" }])).toEqual({ a: "1", b: "2", c: "" });
    expect(tagsToRecord({ env: "prod" })).toEqual({ env: "prod" });
    expect(tagsToRecord(undefined)).toEqual({});
  });
});

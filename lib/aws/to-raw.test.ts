import { describe, expect, it } from "vitest";
import { MAX_STRING_BYTES, REDACTED, TRUNCATION_MARK, capString, rawRecord, redactUrlSecrets, toRaw } from "@/lib/aws/to-raw";
import { tagsToRecord } from "@/lib/aws/tags-to-record";

describe("toRaw", () => {
  it("makes SDK output plain JSON", () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(
      toRaw({
        $metadata: { requestId: "x" },
        when: new Date("2026-01-02T03:04:05Z"),
        bytes: new TextEncoder().encode("hi"),
        big: 10n,
        skip: undefined,
        fn: () => 1,
        nested: [{ n: Number.NaN }],
        circular,
      }),
    ).toEqual({
      when: "2026-01-02T03:04:05.000Z",
      bytes: "hi",
      big: "10",
      nested: [{ n: "NaN" }],
      circular: { a: 1, self: "[circular]" },
    });
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

  it("caps every string at 64 KB of UTF-8 without splitting a character", () => {
    const long = "é".repeat(MAX_STRING_BYTES); // 2 bytes each
    const capped = capString(long);
    expect(Buffer.byteLength(capped, "utf8")).toBeLessThanOrEqual(MAX_STRING_BYTES);
    expect(capped.endsWith(TRUNCATION_MARK)).toBe(true);
    expect(capped).not.toContain("\uFFFD");
    expect(capString("short")).toBe("short");
    expect((toRaw({ doc: "x".repeat(200_000) }) as { doc: string }).doc.length).toBeLessThanOrEqual(MAX_STRING_BYTES);
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

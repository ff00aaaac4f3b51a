import type { ResourceRecord } from "@/lib/aws/collector-types";

export const BENCH_REGION = "eu-central-1";

/**
 * The resource the storing benchmark writes: a thing as the IoT collector records it. The
 * database's own reference insert (scripts/bench.ts) builds the same row in SQL.
 */
export function benchThing(i: number, region: string): ResourceRecord {
  return {
    arn: `arn:aws:iot:${region}:123456789012:thing/bench-thing-${i}`,
    kind: "AWS::IoT::Thing",
    region,
    accountId: "123456789012",
    name: `bench-thing-${i}`,
    tags: {},
    raw: { thingName: `bench-thing-${i}`, thingTypeName: "sensor-v2", version: 3, attributes: { site: `site-${i % 97}`, model: "TX-500", firmware: "4.2.1", serial: `SN${i.toString().padStart(9, "0")}` } },
  };
}

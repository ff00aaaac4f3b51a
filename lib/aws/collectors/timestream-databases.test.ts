import { describe, expect, it } from "vitest";
import { ListDatabasesCommand, ListTablesCommand, ListTagsForResourceCommand, TimestreamWriteClient } from "@aws-sdk/client-timestream-write";
import { timestreamDatabasesCollector } from "@/lib/aws/collectors/timestream-databases";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const timestream = useAwsMock(TimestreamWriteClient);
const DB = "arn:aws:timestream:eu-west-1:123456789012:database/fleet";

describe("timestream.databases", () => {
  it("records databases and their tables with key and part-of relations", async () => {
    timestream.on(ListDatabasesCommand).resolves({
      Databases: [{ DatabaseName: "fleet", Arn: DB, KmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/k-3", TableCount: 2 }],
    });
    timestream.on(ListTablesCommand).resolves({ Tables: [{ TableName: "metrics", Arn: `${DB}/table/metrics` }], NextToken: "t2" });
    timestream.on(ListTablesCommand, { NextToken: "t2" }).resolves({ Tables: [{ TableName: "events" }] });
    timestream.on(ListTagsForResourceCommand, { ResourceARN: `${DB}/table/metrics` }).resolves({ Tags: [{ Key: "retention", Value: "hot" }] });
    const run = await runCollector(timestreamDatabasesCollector, { mocks: [timestream] });
    expect(storedRaw(run, KIND.timestreamDatabase, "fleet").database).toMatchObject({ DatabaseName: "fleet", KmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/k-3", TableCount: 2 });
    expect(storedRaw(run, KIND.timestreamTable, "fleet.metrics").table).toMatchObject({ TableName: "metrics", Arn: `${DB}/table/metrics` });
    expect(run.resources.map((r) => `${r.kind} ${r.name}`)).toEqual([
      "AWS::Timestream::Database fleet",
      "AWS::Timestream::Table fleet.metrics",
      "AWS::Timestream::Table fleet.events",
    ]);
    expect(resourceNamed(run, "fleet.metrics").tags).toEqual({ retention: "hot" });
    expect(edges(run)).toEqual([
      `${DB} -encrypted-by-> arn:aws:kms:eu-west-1:123456789012:key/k-3`,
      `${DB}/table/events -part-of-> ${DB}`,
      `${DB}/table/metrics -part-of-> ${DB}`,
    ]);
  });
});

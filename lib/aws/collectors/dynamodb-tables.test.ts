import { describe, expect, it } from "vitest";
import { DescribeContinuousBackupsCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, ListTagsOfResourceCommand } from "@aws-sdk/client-dynamodb";
import { dynamoDbTablesCollector } from "@/lib/aws/collectors/dynamodb-tables";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const dynamodb = useAwsMock(DynamoDBClient);
const TABLE = "arn:aws:dynamodb:eu-west-1:123456789012:table";

describe("dynamodb.tables", () => {
  it("pages by LastEvaluatedTableName and relates keys and global table replicas", async () => {
    dynamodb.on(ListTablesCommand).resolves({ TableNames: ["readings"], LastEvaluatedTableName: "readings" });
    dynamodb.on(ListTablesCommand, { ExclusiveStartTableName: "readings" }).resolves({ TableNames: ["state"] });
    dynamodb.on(DescribeTableCommand, { TableName: "readings" }).resolves({
      Table: {
        TableName: "readings",
        TableArn: `${TABLE}/readings`,
        SSEDescription: { Status: "ENABLED", KMSMasterKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/k-1" },
        Replicas: [{ RegionName: "eu-west-1" }, { RegionName: "us-east-1" }],
      },
    });
    dynamodb.on(DescribeContinuousBackupsCommand).resolves({
      ContinuousBackupsDescription: { ContinuousBackupsStatus: "ENABLED", PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: "ENABLED" } },
    });
    dynamodb.on(ListTagsOfResourceCommand, { ResourceArn: `${TABLE}/readings` }).resolves({ Tags: [{ Key: "pii", Value: "no" }] });
    const run = await runCollector(dynamoDbTablesCollector, { mocks: [dynamodb] });
    const readings = storedRaw(run, KIND.dynamoDbTable, "readings");
    expect([
      readings.table.SSEDescription?.KMSMasterKeyArn,
      readings.table.Replicas?.map((r) => r.RegionName),
      readings.continuousBackups?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
    ]).toEqual(["arn:aws:kms:eu-west-1:123456789012:key/k-1", ["eu-west-1", "us-east-1"], "ENABLED"]);
    expect(storedRaw(run, KIND.dynamoDbTable, "state").table.TableName).toBe("state");
    expect(run.cursors).toEqual(["readings", null]);
    expect(edges(run)).toEqual([
      `${TABLE}/readings -encrypted-by-> arn:aws:kms:eu-west-1:123456789012:key/k-1`,
      `${TABLE}/readings -replicates-to-> arn:aws:dynamodb:us-east-1:123456789012:table/readings`,
    ]);
    expect(resourceNamed(run, "readings")).toMatchObject({
      tags: { pii: "no" },
      raw: { continuousBackups: { PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: "ENABLED" } } },
    });
    expect(resourceNamed(run, "state").arn).toBe(`${TABLE}/state`);
  });
});

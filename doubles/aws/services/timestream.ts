/**
 * Amazon Timestream for LiveAnalytics, write API (awsJson1_0). The SDK discovers its endpoint
 * with DescribeEndpoints first, unless an endpoint is set in code; the stand-in answers with its
 * own host name, so the discovered endpoint is the stand-in again (the SDK keeps the port and
 * scheme it already had), or with `timestreamDiscoveryAddress` when given, as AWS answers a host
 * of its own.
 */
import { arns } from "../arns";
import { defineJsonService, int, str } from "../define-json-service";
import type { TimestreamDatabase, TimestreamTable } from "../estate-types";
import { decodeToken, encodeToken, slicePage } from "../pagination";
import { AwsError } from "../protocol";
import { JSON_ERRORS, withErrors } from "../service-errors";
import type { CallContext } from "../service-types";

function databaseShape(ctx: CallContext, d: TimestreamDatabase) {
  return {
    Arn: arns.timestreamDatabase(ctx.index.scope, d.name),
    DatabaseName: d.name,
    TableCount: d.tables.length,
    KmsKeyId: d.kmsKeyArn,
    CreationTime: d.creationTime,
    LastUpdatedTime: d.lastUpdatedTime,
  };
}

function tableShape(ctx: CallContext, d: TimestreamDatabase, t: TimestreamTable) {
  return {
    Arn: arns.timestreamTable(ctx.index.scope, d.name, t.name),
    TableName: t.name,
    DatabaseName: d.name,
    TableStatus: t.status,
    RetentionProperties: { MemoryStoreRetentionPeriodInHours: t.memoryStoreRetentionHours, MagneticStoreRetentionPeriodInDays: t.magneticStoreRetentionDays },
    CreationTime: t.creationTime,
    LastUpdatedTime: t.lastUpdatedTime,
    MagneticStoreWriteProperties: { EnableMagneticStoreWrites: t.magneticStoreWritesEnabled },
    Schema: { CompositePartitionKey: [{ Type: "DIMENSION", Name: "device", EnforcementInRecord: "OPTIONAL" }] },
  };
}

function database(ctx: CallContext, name: string | undefined): TimestreamDatabase {
  const d = ctx.index.databaseByName.get(name ?? "");
  if (!d) throw new AwsError(404, "ResourceNotFoundException", `The database ${name} does not exist.`);
  return d;
}

/** The database or table an ARN names, with its tags, or the service's not-found error. */
function taggedResource(ctx: CallContext, arn: string | undefined): { tags: TimestreamDatabase["tags"] } {
  const m = /^arn:aws:timestream:([^:]+):(\d{12}):database\/([^/]+)(?:\/table\/([^/]+))?$/.exec(arn ?? "");
  const d = m && m[1] === ctx.region && m[2] === ctx.index.scope.accountId ? ctx.index.databaseByName.get(m[3] as string) : undefined;
  const t = d && m?.[4] !== undefined ? d.tables.find((x) => x.name === m[4]) : undefined;
  if (!d || (m?.[4] !== undefined && !t)) throw new AwsError(404, "ResourceNotFoundException", `The resource ${arn} does not exist.`);
  return t ?? d;
}

export const timestreamService = defineJsonService({
  id: "timestream",
  signingNames: ["timestream"],
  protocol: "awsJson1_0",
  errors: withErrors(JSON_ERRORS, {
    throttling: { status: 429, code: "ThrottlingException", message: "Rate exceeded" },
    internal: { status: 500, code: "InternalServerException", message: "Internal server error" },
    accessDenied: { status: 403, code: "AccessDeniedException" },
  }),
  handlers: {
    DescribeEndpoints(ctx) {
      return { Endpoints: [{ Address: ctx.discoveryAddress ?? ctx.hostname, CachePeriodInMinutes: 1440 }] };
    },

    ListDatabases(ctx, input) {
      const max = int(input, "MaxResults", 1, 20, 20);
      const listing = `ListDatabases|${ctx.region}`;
      const offset = decodeToken(listing, str(input, "NextToken"));
      if (offset === null) throw new AwsError(400, "ValidationException", "Invalid NextToken");
      const page = slicePage(ctx.index.data.timestreamDatabases, offset, max);
      return { Databases: page.items.map((d) => databaseShape(ctx, d)), NextToken: page.nextOffset === undefined ? undefined : encodeToken(listing, page.nextOffset) };
    },

    DescribeDatabase(ctx, input) {
      return { Database: databaseShape(ctx, database(ctx, str(input, "DatabaseName"))) };
    },

    ListTables(ctx, input) {
      const max = int(input, "MaxResults", 1, 20, 20);
      const name = str(input, "DatabaseName");
      // Without a database name, the tables of every database are listed.
      const databases = name === undefined ? ctx.index.data.timestreamDatabases : [database(ctx, name)];
      const tables = databases.flatMap((d) => d.tables.map((t) => ({ d, t })));
      const listing = `ListTables|${ctx.region}|${name ?? ""}`;
      const offset = decodeToken(listing, str(input, "NextToken"));
      if (offset === null) throw new AwsError(400, "ValidationException", "Invalid NextToken");
      const page = slicePage(tables, offset, max);
      return { Tables: page.items.map(({ d, t }) => tableShape(ctx, d, t)), NextToken: page.nextOffset === undefined ? undefined : encodeToken(listing, page.nextOffset) };
    },

    DescribeTable(ctx, input) {
      const d = database(ctx, str(input, "DatabaseName"));
      const name = str(input, "TableName");
      const t = d.tables.find((x) => x.name === name);
      if (!t) throw new AwsError(404, "ResourceNotFoundException", `The table ${name} does not exist.`);
      return { Table: tableShape(ctx, d, t) };
    },

    ListTagsForResource(ctx, input) {
      const { tags } = taggedResource(ctx, str(input, "ResourceARN"));
      return { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) };
    },
  },
});

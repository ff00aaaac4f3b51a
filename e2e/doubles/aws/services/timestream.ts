/**
 * Amazon Timestream for LiveAnalytics, write API (awsJson1_0). The SDK discovers its endpoint
 * with DescribeEndpoints first; the stand-in answers with its own host name, so the discovered
 * endpoint is the stand-in again (the SDK keeps the port and scheme it already had).
 */
import { arns } from "../arns";
import { defineJsonService, int, str } from "../define-json-service";
import type { TimestreamDatabase } from "../estate-types";
import { decodeToken, encodeToken, slicePage } from "../pagination";
import { AwsError } from "../protocol";
import { JSON_ERRORS, withErrors } from "../service-errors";
import type { CallContext } from "../service-types";

function databaseShape(ctx: CallContext, d: TimestreamDatabase) {
  return {
    Arn: arns.timestreamDatabase(ctx.index.scope, d.name),
    DatabaseName: d.name,
    TableCount: d.tableCount,
    KmsKeyId: d.kmsKeyArn,
    CreationTime: d.creationTime,
    LastUpdatedTime: d.lastUpdatedTime,
  };
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
      return { Endpoints: [{ Address: ctx.hostname, CachePeriodInMinutes: 1440 }] };
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
      const name = str(input, "DatabaseName");
      const d = ctx.index.databaseByName.get(name ?? "");
      if (!d) throw new AwsError(404, "ResourceNotFoundException", `The database ${name} does not exist.`);
      return { Database: databaseShape(ctx, d) };
    },

    ListTagsForResource(ctx, input) {
      const arn = str(input, "ResourceARN");
      const name = arn?.split(":database/")[1];
      const d = name && !name.includes("/") ? ctx.index.databaseByName.get(name) : undefined;
      if (!arn || !d || arn !== arns.timestreamDatabase(ctx.index.scope, d.name)) throw new AwsError(404, "ResourceNotFoundException", `The resource ${arn} does not exist.`);
      return { Tags: Object.entries(d.tags).map(([Key, Value]) => ({ Key, Value })) };
    },
  },
});

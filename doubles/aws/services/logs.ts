/**
 * Amazon CloudWatch Logs (awsJson1_1): log groups (retention, encryption) and their tags.
 */
import { arns } from "../arns";
import { defineJsonService, int, str } from "../define-json-service";
import type { LogGroup } from "../estate-types";
import { decodeToken, encodeToken, slicePage } from "../pagination";
import { AwsError } from "../protocol";
import { JSON_ERRORS, withErrors } from "../service-errors";
import type { CallContext } from "../service-types";

function groupByArn(ctx: CallContext, arn: string | undefined): LogGroup {
  const name = arn?.replace(/:\*$/, "").split(":log-group:")[1];
  const g = name ? ctx.index.logGroupByName.get(name) : undefined;
  if (!arn || !g || arn.replace(/:\*$/, "") !== arns.logGroup(ctx.index.scope, g.name)) throw new AwsError(400, "ResourceNotFoundException", "The specified log group does not exist.");
  return g;
}

export const logsService = defineJsonService({
  id: "logs",
  signingNames: ["logs"],
  protocol: "awsJson1_1",
  errors: withErrors(JSON_ERRORS, {
    internal: { status: 500, code: "ServiceUnavailableException", message: "The service cannot complete the request." },
  }),
  handlers: {
    DescribeLogGroups(ctx, input) {
      const limit = int(input, "limit", 1, 50, 50, "InvalidParameterException");
      const prefix = str(input, "logGroupNamePrefix", "InvalidParameterException") ?? "";
      const pattern = str(input, "logGroupNamePattern", "InvalidParameterException");
      const groups = [...ctx.index.data.logGroups]
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .filter((g) => g.name.startsWith(prefix) && (pattern === undefined || g.name.includes(pattern)));
      const listing = `DescribeLogGroups|${ctx.region}|${prefix}|${pattern ?? ""}`;
      const offset = decodeToken(listing, str(input, "nextToken", "InvalidParameterException"));
      if (offset === null) throw new AwsError(400, "InvalidParameterException", "The specified nextToken is invalid.");
      const page = slicePage(groups, offset, limit);
      return {
        logGroups: page.items.map((g) => {
          const arn = arns.logGroup(ctx.index.scope, g.name);
          return {
            logGroupName: g.name,
            creationTime: g.creationTime * 1000,
            retentionInDays: g.retentionInDays,
            metricFilterCount: 0,
            arn: `${arn}:*`,
            storedBytes: g.storedBytes,
            kmsKeyId: g.kmsKeyArn,
            logGroupClass: g.logGroupClass,
            logGroupArn: arn,
          };
        }),
        nextToken: page.nextOffset === undefined ? undefined : encodeToken(listing, page.nextOffset),
      };
    },

    ListTagsForResource(ctx, input) {
      return { tags: groupByArn(ctx, str(input, "resourceArn", "InvalidParameterException")).tags };
    },

    ListTagsLogGroup(ctx, input) {
      const name = str(input, "logGroupName", "InvalidParameterException");
      const g = ctx.index.logGroupByName.get(name ?? "");
      if (!g) throw new AwsError(400, "ResourceNotFoundException", "The specified log group does not exist.");
      return { tags: g.tags };
    },
  },
});

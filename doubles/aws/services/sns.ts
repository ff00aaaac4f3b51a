/**
 * Amazon SNS (awsQuery): topics, their attributes and tags.
 */
import { arns } from "../arns";
import { defineQueryService } from "../define-query-service";
import type { SnsTopic } from "../estate-types";
import { decodeToken, encodeToken, slicePage } from "../pagination";
import { AwsError, xmlElement, xmlText } from "../protocol";
import { QUERY_ERRORS, withErrors } from "../service-errors";
import type { CallContext } from "../service-types";

function topic(ctx: CallContext, arn: string, missing: { code: string; message: string; status: number }): SnsTopic {
  const name = arn.split(":").pop() ?? "";
  const t = ctx.index.topicByName.get(name);
  if (!t || arn !== arns.snsTopic(ctx.index.scope, name)) throw new AwsError(missing.status, missing.code, missing.message);
  return t;
}

export const snsService = defineQueryService({
  id: "sns",
  signingNames: ["sns"],
  xmlNamespace: "http://sns.amazonaws.com/doc/2010-03-31/",
  errors: withErrors(QUERY_ERRORS, {
    accessDenied: { status: 403, code: "AuthorizationError" },
    internal: { status: 500, code: "InternalError", message: "An internal service error occurred." },
  }),
  handlers: {
    ListTopics(ctx, params) {
      const listing = `ListTopics|${ctx.region}`;
      const offset = decodeToken(listing, params.get("NextToken"));
      if (offset === null) throw new AwsError(400, "InvalidParameter", "Invalid parameter: NextToken");
      const page = slicePage(ctx.index.data.snsTopics, offset, 100);
      return (
        xmlElement("Topics", ...page.items.map((t) => xmlElement("member", xmlText("TopicArn", arns.snsTopic(ctx.index.scope, t.name))))) +
        (page.nextOffset === undefined ? "" : xmlText("NextToken", encodeToken(listing, page.nextOffset)))
      );
    },

    GetTopicAttributes(ctx, params) {
      const arn = params.required("TopicArn");
      const t = topic(ctx, arn, { status: 404, code: "NotFound", message: "Topic does not exist" });
      const attrs: Record<string, string | undefined> = {
        TopicArn: arn,
        Owner: ctx.accountId,
        DisplayName: t.displayName,
        SubscriptionsConfirmed: String(t.subscriptionsConfirmed),
        SubscriptionsPending: "0",
        SubscriptionsDeleted: "0",
        KmsMasterKeyId: t.kmsKeyId,
        Policy: JSON.stringify({
          Version: "2008-10-17",
          Id: "__default_policy_ID",
          Statement: [{ Sid: "__default_statement_ID", Effect: "Allow", Principal: { AWS: "*" }, Action: ["SNS:Publish", "SNS:Subscribe"], Resource: arn, Condition: { StringEquals: { "AWS:SourceOwner": ctx.accountId } } }],
        }),
        EffectiveDeliveryPolicy: JSON.stringify({ http: { defaultHealthyRetryPolicy: { minDelayTarget: 20, maxDelayTarget: 20, numRetries: 3 } } }),
      };
      return xmlElement(
        "Attributes",
        ...Object.entries(attrs)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => xmlElement("entry", xmlText("key", k), xmlText("value", v))),
      );
    },

    ListTagsForResource(ctx, params) {
      const t = topic(ctx, params.required("ResourceArn"), { status: 404, code: "ResourceNotFound", message: "Resource does not exist" });
      return xmlElement("Tags", ...Object.entries(t.tags).map(([k, v]) => xmlElement("member", xmlText("Key", k), xmlText("Value", v))));
    },
  },
});

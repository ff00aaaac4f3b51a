import "server-only";
/**
 * IoT topic rules: ListTopicRules, then per rule GetTopicRule (SQL, actions, error action) and its
 * tags. Every action becomes relations to what it writes to, invokes or assumes (see
 * topic-rule-targets.ts); HTTP actions are matched to their rule destination, for which the rule
 * destinations are listed once per run.
 *
 * Secrets are removed from raw: HTTP header values with credential-looking names, user:password
 * and secret query parameters in URLs, a Salesforce action's token, Kafka passwords.
 */
import { GetTopicRuleCommand, IoTClient, ListTopicRuleDestinationsCommand, ListTopicRulesCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorContext, CollectorDefinition } from "@/lib/aws/collector-types";
import { iotArn } from "@/lib/aws/build-arn";
import { withCollectorCalls, type CollectorCalls } from "@/lib/aws/collector-calls";
import { drainPages } from "@/lib/aws/drain-pages";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { readIotTags } from "@/lib/aws/read-iot-tags";
import { KIND } from "@/lib/aws/resource-kinds";
import { REDACTED, isSecretKey, redactUrlSecrets } from "@/lib/aws/to-raw";
import { topicRuleActionSchema, topicRuleTargets, type HttpDestination, type TopicRuleAction } from "@/lib/aws/topic-rule-targets";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotTopicRulesPlan } from "@/lib/aws/collectors/iot-topic-rules.plan";


const ruleItemSchema = z.looseObject({ ruleName: z.string().min(1), ruleArn: z.string().min(1).optional() });

const getRuleSchema = z.looseObject({
  ruleArn: z.string().nullish(),
  rule: z
    .looseObject({
      sql: z.string().nullish(),
      ruleDisabled: z.boolean().nullish(),
      actions: z.array(topicRuleActionSchema).nullish(),
      errorAction: topicRuleActionSchema.nullish(),
    })
    .nullish(),
});

const destinationsPageSchema = z.looseObject({
  destinationSummaries: z
    .array(z.looseObject({ arn: z.string().min(1), httpUrlSummary: z.looseObject({ confirmationUrl: z.string().nullish() }).nullish() }))
    .nullish(),
  nextToken: z.string().nullish(),
});

export const iotTopicRulesCollector: CollectorDefinition = {
  ...iotTopicRulesPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      const destinations = lazy(() => listHttpDestinations(ctx, calls));
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListTopicRulesCommand({ maxResults: PAGE_SIZE, nextToken: cursor ?? undefined }), {
            items: "rules",
            next: "nextToken",
            item: ruleItemSchema,
          }),
        async (rules, batch) => {
          const details = await mapConcurrent(rules, CONFIG_CONCURRENCY, async (item) => {
            const arn = item.ruleArn ?? iotArn(ctx, "rule", item.ruleName);
            const got = await calls.may(iot, new GetTopicRuleCommand({ ruleName: item.ruleName }), getRuleSchema, { arn });
            const tags = await readIotTags(ctx, calls, arn);
            return { item, arn, rule: got?.rule ?? undefined, tags };
          });
          for (const { item, arn, rule, tags } of details) {
            const actions = [...(rule?.actions ?? []), ...(rule?.errorAction ? [rule.errorAction] : [])];
            const http = actions.some((a) => a.http?.url) ? await destinations() : [];
            batch.add({
              kind: KIND.iotTopicRule,
              arn,
              name: item.ruleName,
              tags,
              raw: {
                rule: rule
                  ? {
                      ...item,
                      ...rule,
                      actions: (rule.actions ?? []).map(withoutSecrets),
                      ...(rule.errorAction ? { errorAction: withoutSecrets(rule.errorAction) } : {}),
                    }
                  : item,
              },
            });
            for (const target of topicRuleTargets(actions, ctx, http)) batch.relate(arn, target.toArn, target.type, target.toKind);
          }
        },
      );
    }),
};

async function listHttpDestinations(ctx: CollectorContext, calls: CollectorCalls): Promise<HttpDestination[]> {
  const iot = ctx.clients.get(IoTClient);
  const summaries = await drainPages(
    (nextToken) => calls.may(iot, new ListTopicRuleDestinationsCommand({ maxResults: PAGE_SIZE, nextToken }), destinationsPageSchema),
    (page) => ({ items: page.destinationSummaries ?? [], next: page.nextToken }),
  );
  return (summaries ?? []).flatMap((d) =>
    d.httpUrlSummary?.confirmationUrl ? [{ arn: d.arn, confirmationUrl: d.httpUrlSummary.confirmationUrl }] : [],
  );
}

/** An action as stored: credentials in HTTP headers and URLs replaced (the generic key rules in to-raw do the rest). */
function withoutSecrets(action: TopicRuleAction): TopicRuleAction {
  if (!action.http) return action;
  const http = action.http;
  return {
    ...action,
    http: {
      ...http,
      ...(http.url ? { url: redactUrlSecrets(http.url) } : {}),
      ...(http.confirmationUrl ? { confirmationUrl: redactUrlSecrets(http.confirmationUrl) } : {}),
      ...(http.headers
        ? {
            headers: http.headers.map((h) =>
              isSecretKey(h.key) || /^(x-)?(api|auth|access)[-_]?/i.test(h.key) ? { ...h, value: REDACTED } : h,
            ),
          }
        : {}),
    },
  };
}

function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

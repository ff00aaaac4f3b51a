import "server-only";
/**
 * IoT billing groups: DescribeBillingGroup, tags, and the members of each group
 * (ListThingsInBillingGroup), which become "thing member-of billing group" relations.
 */
import { DescribeBillingGroupCommand, IoTClient, ListBillingGroupsCommand, ListThingsInBillingGroupCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iotArn } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { streamRelations } from "@/lib/aws/stream-relations";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { readIotTags } from "@/lib/aws/read-iot-tags";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, iotBillingGroupsPlan } from "@/lib/aws/collectors/iot-billing-groups.plan";


const groupSchema = z.looseObject({ groupName: z.string().min(1), groupArn: z.string().min(1).optional() });
const describeSchema = z.looseObject({ billingGroupArn: z.string().optional() });
const membersPageSchema = z.looseObject({ things: z.array(z.string().min(1)).nullish(), nextToken: z.string().nullish() });

export const iotBillingGroupsCollector: CollectorDefinition = {
  ...iotBillingGroupsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListBillingGroupsCommand({ maxResults: PAGE_SIZE, nextToken: cursor ?? undefined }), {
            items: "billingGroups",
            next: "nextToken",
            item: groupSchema,
          }),
        async (groups, batch) => {
          const details = await mapConcurrent(groups, CONFIG_CONCURRENCY, async (group) => {
            const arn = group.groupArn ?? iotArn(ctx, "billinggroup", group.groupName);
            // The member list is the long read (a fleet-wide group holds every thing): it starts at
            // once, beside the description and tags, and its relations are stored as they arrive.
            const [description, tags, memberCount] = await Promise.all([
              calls.may(iot, new DescribeBillingGroupCommand({ billingGroupName: group.groupName }), describeSchema, { arn }),
              readIotTags(ctx, calls, arn),
              streamRelations(
                ctx,
                (nextToken) => calls.may(iot, new ListThingsInBillingGroupCommand({ billingGroupName: group.groupName, maxResults: PAGE_SIZE, nextToken }), membersPageSchema, { arn }),
                (page) => ({ items: page.things ?? [], next: page.nextToken }),
                (thing, edges) => edges.relate(iotArn(ctx, "thing", thing), arn, REL.memberOf, KIND.iotBillingGroup),
              ),
            ]);
            return { group, arn, description, tags, memberCount };
          });
          for (const { group, arn, description, tags, memberCount } of details) {
            batch.add({
              kind: KIND.iotBillingGroup,
              arn,
              name: group.groupName,
              tags,
              raw: { billingGroup: description ?? group, ...(memberCount !== undefined ? { memberCount } : {}) },
            });
          }
        },
      );
    }),
};

import "server-only";
/**
 * IoT thing groups, static and dynamic. Per group: DescribeThingGroup (parent, attributes, the
 * query of a dynamic group), its tags, and its direct members (ListThingsInThingGroup, 250 names a
 * call), which become "thing member-of group" relations. Membership is read here, one list per
 * group, instead of asking every thing for its groups.
 */
import { DescribeThingGroupCommand, IoTClient, ListThingGroupsCommand, ListThingsInThingGroupCommand } from "@aws-sdk/client-iot";
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
import { PAGE_SIZE, iotThingGroupsPlan } from "@/lib/aws/collectors/iot-thing-groups.plan";


const groupSchema = z.looseObject({ groupName: z.string().min(1), groupArn: z.string().min(1).optional() });

const describeSchema = z.looseObject({
  thingGroupArn: z.string().optional(),
  thingGroupMetadata: z.looseObject({ parentGroupName: z.string().min(1).nullish() }).nullish(),
  queryString: z.string().nullish(),
});

const membersPageSchema = z.looseObject({ things: z.array(z.string().min(1)).nullish(), nextToken: z.string().nullish() });

export const iotThingGroupsCollector: CollectorDefinition = {
  ...iotThingGroupsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListThingGroupsCommand({ maxResults: PAGE_SIZE, nextToken: cursor ?? undefined }), {
            items: "thingGroups",
            next: "nextToken",
            item: groupSchema,
          }),
        async (groups, batch) => {
          const details = await mapConcurrent(groups, CONFIG_CONCURRENCY, async (group) => {
            const arn = group.groupArn ?? iotArn(ctx, "thinggroup", group.groupName);
            // The member list is the long read (a fleet-wide group holds every thing): it starts at
            // once, beside the description and tags, and its relations are stored as they arrive.
            const [description, tags, memberCount] = await Promise.all([
              calls.may(iot, new DescribeThingGroupCommand({ thingGroupName: group.groupName }), describeSchema, { arn }),
              readIotTags(ctx, calls, arn),
              streamRelations(
                ctx,
                (nextToken) => calls.may(iot, new ListThingsInThingGroupCommand({ thingGroupName: group.groupName, recursive: false, maxResults: PAGE_SIZE, nextToken }), membersPageSchema, { arn }),
                (page) => ({ items: page.things ?? [], next: page.nextToken }),
                (thing, edges) => edges.relate(iotArn(ctx, "thing", thing), arn, REL.memberOf, KIND.iotThingGroup),
              ),
            ]);
            return { group, arn, description, tags, memberCount };
          });
          for (const { group, arn, description, tags, memberCount } of details) {
            batch.add({
              kind: KIND.iotThingGroup,
              arn,
              name: group.groupName,
              tags,
              raw: {
                group: description ?? group,
                dynamic: Boolean(description?.queryString),
                ...(memberCount !== undefined ? { memberCount } : {}),
              },
            });
            const parent = description?.thingGroupMetadata?.parentGroupName;
            if (parent) batch.relate(arn, iotArn(ctx, "thinggroup", parent), REL.childOf, KIND.iotThingGroup);
          }
        },
      );
    }),
};

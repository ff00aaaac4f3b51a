import "server-only";
import { IoTClient, ListTagsForResourceCommand } from "@aws-sdk/client-iot";
import { z } from "zod";
import type { CollectorContext } from "@/lib/aws/collector-types";
import type { CollectorCalls } from "@/lib/aws/collector-calls";
import { drainPages } from "@/lib/aws/drain-pages";
import { tagsToRecord } from "@/lib/aws/tags-to-record";

const tagsPageSchema = z.looseObject({
  tags: z.array(z.looseObject({ Key: z.string(), Value: z.string().nullish() })).nullish(),
  nextToken: z.string().nullish(),
});

/** The tags of one AWS IoT resource (every page of ListTagsForResource); {} when they could not be read. */
export async function readIotTags(ctx: CollectorContext, calls: CollectorCalls, arn: string): Promise<Record<string, string>> {
  const iot = ctx.clients.get(IoTClient);
  const tags = await drainPages(
    (nextToken) => calls.may(iot, new ListTagsForResourceCommand({ resourceArn: arn, nextToken }), tagsPageSchema, { arn }),
    (page) => ({ items: page.tags ?? [], next: page.nextToken }),
  );
  return tagsToRecord(tags ?? []);
}

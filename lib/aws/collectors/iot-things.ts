import "server-only";
/**
 * IoT things. Summary mode reads ListThings only (250 things per call, 10 TPS): 100,000 things in
 * about 40 s. Deep mode adds, per thing, ListThingPrincipals (the certificates and Cognito
 * identities attached to it) and, when asked, its classic and named shadows from the data plane;
 * those per-device calls are what make a deep scan of a large fleet take hours.
 *
 * Things cannot carry tags in AWS IoT (only groups, types, rules, jobs... can); their attributes,
 * which ListThings returns, play that role and are kept in raw.
 *
 * Group and billing-group membership come from the group collectors (one list call per group
 * rather than one per thing).
 */
import { IoTClient, ListThingPrincipalsCommand, ListThingsCommand } from "@aws-sdk/client-iot";
import { GetThingShadowCommand, IoTDataPlaneClient, ListNamedShadowsForThingCommand } from "@aws-sdk/client-iot-data-plane";
import { z } from "zod";
import type { CollectorContext, CollectorDefinition } from "@/lib/aws/collector-types";
import { cognitoIdentityArn, iotArn } from "@/lib/aws/build-arn";
import { withCollectorCalls, type CollectorCalls } from "@/lib/aws/collector-calls";
import { mapConcurrent } from "@/lib/aws/map-concurrent";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { walkPages } from "@/lib/aws/walk-pages";
import { drainPages } from "@/lib/aws/drain-pages";
import { capString } from "@/lib/aws/to-raw";
import { PAGE_SIZE, iotThingsPlan } from "@/lib/aws/collectors/iot-things.plan";

/** Per-thing calls kept in flight; the token buckets set the actual pace. */
const PER_THING_CONCURRENCY = 16;

const thingSchema = z.looseObject({
  thingName: z.string().min(1),
  thingArn: z.string().min(1).optional(),
  thingTypeName: z.string().min(1).optional(),
  attributes: z.record(z.string(), z.string()).optional(),
  version: z.number().optional(),
});
type Thing = z.infer<typeof thingSchema>;

const shadowPayloadSchema = z.looseObject({ payload: z.custom<Uint8Array>((v) => v instanceof Uint8Array).optional() });

export const iotThingsCollector: CollectorDefinition = {
  ...iotThingsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const iot = ctx.clients.get(IoTClient);
      const deep = ctx.mode === "deep";
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(iot, new ListThingsCommand({ maxResults: PAGE_SIZE, nextToken: cursor ?? undefined }), {
            items: "things",
            next: "nextToken",
            item: thingSchema,
          }),
        async (things, batch) => {
          const details = deep
            ? await mapConcurrent(things, PER_THING_CONCURRENCY, (thing) => readThingDetails(ctx, calls, thing))
            : [];
          things.forEach((thing, i) => {
            const arn = thing.thingArn ?? iotArn(ctx, "thing", thing.thingName);
            const detail = details[i];
            batch.add({
              kind: KIND.iotThing,
              arn,
              name: thing.thingName,
              raw: { thing, ...(detail?.principals ? { principals: detail.principals } : {}), ...(detail?.shadows ? { shadows: detail.shadows } : {}) },
            });
            if (thing.thingTypeName) {
              batch.relate(arn, iotArn(ctx, "thingtype", thing.thingTypeName), REL.hasType, KIND.iotThingType);
            }
            for (const principal of detail?.principals ?? []) {
              // Certificates and IAM principals are ARNs; Cognito identities are bare identity ids.
              const principalArn = principal.startsWith("arn:") ? principal : cognitoIdentityArn(ctx, principal);
              batch.relate(principalArn, arn, REL.attachedTo, KIND.iotThing);
            }
          });
        },
      );
    }),
};

interface ThingDetails {
  principals?: string[];
  shadows?: { classic: unknown; named: Record<string, unknown> };
}

async function readThingDetails(ctx: CollectorContext, calls: CollectorCalls, thing: Thing): Promise<ThingDetails> {
  const iot = ctx.clients.get(IoTClient);
  const arn = thing.thingArn ?? iotArn(ctx, "thing", thing.thingName);
  const principals = await drainPages((nextToken) =>
    calls.may(
      iot,
      new ListThingPrincipalsCommand({ thingName: thing.thingName, maxResults: PAGE_SIZE, nextToken }),
      z.looseObject({ principals: z.array(z.string()).nullish(), nextToken: z.string().nullish() }),
      { arn },
    ),
    (page) => ({ items: page.principals ?? [], next: page.nextToken }),
  );
  const details: ThingDetails = { principals };
  if (ctx.includeShadows) details.shadows = await readShadows(ctx, calls, thing.thingName, arn);
  return details;
}

async function readShadows(ctx: CollectorContext, calls: CollectorCalls, thingName: string, arn: string) {
  const data = ctx.clients.get(IoTDataPlaneClient);
  const get = async (shadowName?: string) => {
    const out = await calls.may(data, new GetThingShadowCommand({ thingName, shadowName }), shadowPayloadSchema, {
      arn,
      absentWhen: ["ResourceNotFoundException"],
    });
    return out?.payload ? parseShadow(out.payload) : null;
  };
  const names =
    (await drainPages((nextToken) =>
      calls.may(
        data,
        new ListNamedShadowsForThingCommand({ thingName, nextToken, pageSize: 100 }),
        z.looseObject({ results: z.array(z.string()).nullish(), nextToken: z.string().nullish() }),
        { arn, absentWhen: ["ResourceNotFoundException"] },
      ),
      (page) => ({ items: page.results ?? [], next: page.nextToken }),
    )) ?? [];
  const named: Record<string, unknown> = {};
  for (const name of names) named[capString(name)] = await get(name);
  return { classic: await get(), named };
}

/** A shadow document as JSON, or its text when it is not JSON. */
function parseShadow(payload: Uint8Array): unknown {
  const text = Buffer.from(payload).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

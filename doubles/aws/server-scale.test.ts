import { DescribeThingCommand, IoTClient, ListThingPrincipalsCommand, ListThingsCommand, ListThingsInThingGroupCommand } from "@aws-sdk/client-iot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeToken } from "./pagination";
import type { RegionEstate } from "./estate";
import { clientConfig, startTestStandIn, type TestStandIn } from "./test-support";

let t: TestStandIn;
beforeAll(async () => {
  t = await startTestStandIn({ regions: ["eu-central-1"], things: 100_000 });
}, 60_000);
afterAll(() => t.server.stop());

describe("a 100,000-thing region", () => {
  it("answers deep pages and per-thing calls without scanning the fleet", { timeout: 60_000 }, async () => {
    const iot = new IoTClient(clientConfig(t.server));
    const things = (t.estate.byRegion["eu-central-1"] as RegionEstate).iot.things;
    // the first call builds the region's index
    await iot.send(new ListThingsCommand({ maxResults: 1 }));
    const first = await iot.send(new ListThingsCommand({ maxResults: 250 }));
    const started = performance.now();
    for (let i = 0; i < 300; i++) {
      const thing = things[(i * 331) % things.length] as (typeof things)[number];
      await iot.send(new DescribeThingCommand({ thingName: thing.name }));
      await iot.send(new ListThingPrincipalsCommand({ thingName: thing.name }));
    }
    const perCall = (performance.now() - started) / 600;
    expect(perCall).toBeLessThan(25);
    // resume from a token far into the listing: the last page
    const last = await iot.send(new ListThingsCommand({ maxResults: 250, nextToken: encodeToken("ListThings|eu-central-1|all", 99_750) }));
    expect(last.things?.map((x) => x.thingName)).toEqual(things.slice(99_750).map((x) => x.name));
    expect(last.nextToken).toBeUndefined();
    expect(first.nextToken).toBeDefined();
    const members = await iot.send(new ListThingsInThingGroupCommand({ thingGroupName: "factories", recursive: true, maxResults: 250 }));
    expect(members.things).toHaveLength(250);
  });
});

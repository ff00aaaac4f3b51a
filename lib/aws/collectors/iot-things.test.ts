import { describe, expect, it } from "vitest";
import { IoTClient, ListThingPrincipalsCommand, ListThingsCommand } from "@aws-sdk/client-iot";
import { GetThingShadowCommand, IoTDataPlaneClient, ListNamedShadowsForThingCommand } from "@aws-sdk/client-iot-data-plane";
import { iotThingsCollector } from "@/lib/aws/collectors/iot-things";
import { KIND } from "@/lib/aws/resource-kinds";
import { awsError, edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const iot = useAwsMock(IoTClient);
const data = useAwsMock(IoTDataPlaneClient);
const mocks = [iot, data];
const ARN = "arn:aws:iot:eu-west-1:123456789012";

function twoPagesOfThings() {
  iot.on(ListThingsCommand).resolves({
    things: [
      { thingName: "sensor-1", thingArn: `${ARN}:thing/sensor-1`, thingTypeName: "thermostat", attributes: { site: "lyon" } },
      { thingName: "sensor-2", thingArn: `${ARN}:thing/sensor-2` },
    ],
    nextToken: "page-2",
  });
  iot.on(ListThingsCommand, { nextToken: "page-2" }).resolves({ things: [{ thingName: "sensor-3" }] });
}

describe("iot.things", () => {
  it("walks ListThings by nextToken, one batch per page, with thing -> type relations", async () => {
    twoPagesOfThings();
    const run = await runCollector(iotThingsCollector, { mocks });
    expect(run.cursors).toEqual(["page-2", null]);
    expect(storedRaw(run, KIND.iotThing, "sensor-1").thing).toMatchObject({ thingArn: `${ARN}:thing/sensor-1`, thingTypeName: "thermostat", attributes: { site: "lyon" } });
    expect(run.batches.map((b) => b.resources.map((r) => r.name))).toEqual([["sensor-1", "sensor-2"], ["sensor-3"]]);
    expect(iot.commandCalls(ListThingsCommand)[0]?.args[0].input).toEqual({ maxResults: 250 });
    // A thing without an ARN in the answer gets the ARN AWS would give it.
    expect(resourceNamed(run, "sensor-3").arn).toBe(`${ARN}:thing/sensor-3`);
    expect(resourceNamed(run, "sensor-1").raw).toMatchObject({ thing: { attributes: { site: "lyon" } } });
    expect(edges(run)).toEqual([`${ARN}:thing/sensor-1 -has-type-> ${ARN}:thingtype/thermostat`]);
    expect(run.relations[0]?.toKind).toBe("AWS::IoT::ThingType");
  });

  it("resumes from the cursor without reading finished pages again", async () => {
    twoPagesOfThings();
    const killed = await runCollector(iotThingsCollector, { mocks, killAfterBatches: 1 });
    expect(killed.cursors).toEqual(["page-2"]);
    iot.resetHistory();
    const resumed = await runCollector(iotThingsCollector, { mocks, resumeCursor: killed.cursors[0] ?? null });
    expect(iot.commandCalls(ListThingsCommand).map((c) => c.args[0].input.nextToken)).toEqual(["page-2"]);
    expect(resumed.resources.map((r) => r.name)).toEqual(["sensor-3"]);
  });

  it("makes no per-thing call in summary mode", async () => {
    twoPagesOfThings();
    const run = await runCollector(iotThingsCollector, { mocks, mode: "summary" });
    expect(new Set(run.operations)).toEqual(new Set(["ListThings"]));
  });

  it("reads each thing's principals in deep mode and links certificates to things", async () => {
    twoPagesOfThings();
    iot.on(ListThingPrincipalsCommand, { thingName: "sensor-1" }).resolves({
      principals: [`${ARN}:cert/abc`],
      nextToken: "more",
    });
    iot.on(ListThingPrincipalsCommand, { thingName: "sensor-1", nextToken: "more" }).resolves({
      principals: ["eu-west-1:7c3f-identity"],
    });
    const run = await runCollector(iotThingsCollector, { mocks, mode: "deep" });
    expect(run.operations.filter((op) => op === "ListThingPrincipals")).toHaveLength(4);
    expect(storedRaw(run, KIND.iotThing, "sensor-1").principals).toEqual([`${ARN}:cert/abc`, "eu-west-1:7c3f-identity"]);
    expect(edges(run)).toContain(`${ARN}:cert/abc -attached-to-> ${ARN}:thing/sensor-1`);
    expect(edges(run)).toContain(
      `arn:aws:cognito-identity:eu-west-1:123456789012:identity/eu-west-1:7c3f-identity -attached-to-> ${ARN}:thing/sensor-1`,
    );
    expect(resourceNamed(run, "sensor-1").raw.principals).toEqual([`${ARN}:cert/abc`, "eu-west-1:7c3f-identity"]);
    expect(run.operations).not.toContain("GetThingShadow");
  });

  it("records access denied on ListThingPrincipals as a gap on every thing, and still records every thing", async () => {
    twoPagesOfThings();
    iot.on(ListThingPrincipalsCommand).rejects(awsError("AccessDeniedException", 403));
    const run = await runCollector(iotThingsCollector, { mocks, mode: "deep" });
    expect(run.resources).toHaveLength(3);
    for (const thing of run.resources) expect(thing.gaps).toEqual([{ operation: "ListThingPrincipals", code: "AccessDenied" }]);
    expect(run.gaps.reduce((n, g) => n + g.count, 0)).toBe(3);
    expect(run.gaps[0]).toMatchObject({ code: "AccessDenied", operation: "ListThingPrincipals" });
    expect(run.gaps[0]?.arn).toMatch(/thing\/sensor-/);
  });

  it("stores classic and named shadows in raw only when shadows are asked for", async () => {
    iot.on(ListThingsCommand).resolves({ things: [{ thingName: "sensor-1" }] });
    data.on(ListNamedShadowsForThingCommand).resolves({ results: ["config"] });
    data.on(GetThingShadowCommand).rejects(awsError("ResourceNotFoundException", 404));
    data
      .on(GetThingShadowCommand, { thingName: "sensor-1", shadowName: "config" })
      .resolves({ payload: new TextEncoder().encode('{"state":{"reported":{"fw":"1.2"}}}') } as never);
    const run = await runCollector(iotThingsCollector, { mocks, mode: "deep", includeShadows: true });
    expect(storedRaw(run, KIND.iotThing, "sensor-1").shadows).toEqual({ classic: null, named: { config: { state: { reported: { fw: "1.2" } } } } });
    expect(resourceNamed(run, "sensor-1").raw.shadows).toEqual({
      classic: null,
      named: { config: { state: { reported: { fw: "1.2" } } } },
    });
    expect(run.resources).toHaveLength(1);
    expect(run.issues).toEqual([]);
  });

  it("skips a malformed entry with a report instead of failing the page", async () => {
    iot.on(ListThingsCommand).resolves({ things: [{ thingName: 42 }, { thingName: "ok" }] } as never);
    const run = await runCollector(iotThingsCollector, { mocks });
    expect(run.resources.map((r) => r.name)).toEqual(["ok"]);
    expect(run.issues[0]).toMatchObject({ code: "MalformedResponse", operation: "ListThings" });
    expect(run.issues[0]?.message).toContain("things[0].thingName");
  });

  it("stops with a classified error when the list itself fails", async () => {
    iot.on(ListThingsCommand).rejects(awsError("UnrecognizedClientException", 403, "The security token included in the request is invalid."));
    const run = await runCollector(iotThingsCollector, { mocks, allowError: true });
    expect(run.error).toMatchObject({ name: "AwsOperationError", code: "InvalidCredentials", operation: "ListThings" });
  });
});

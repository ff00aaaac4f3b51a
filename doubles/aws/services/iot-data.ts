/**
 * AWS IoT data plane (restJson1, signing name "iotdata"): classic and named device shadows.
 * Shadow documents are derived from the thing name, so the same estate always shows the same
 * shadows.
 */
import { decodeToken, encodeToken, slicePage } from "../pagination";
import { AwsError } from "../protocol";
import { hashString } from "../prng";
import { compileRoutes, type RestRoute } from "../rest-router";
import { REST_JSON_ERRORS } from "../service-errors";
import type { CallContext, OperationHandler, ServiceDefinition } from "../service-types";

const ROUTES: RestRoute[] = [
  ["GET", "/things/{thingName}/shadow", "GetThingShadow"],
  ["GET", "/api/things/shadow/ListNamedShadowsForThing/{thingName}", "ListNamedShadowsForThing"],
];

function thing(ctx: CallContext) {
  const i = ctx.index.thingByName.get(ctx.labels.thingName as string);
  if (i === undefined) throw new AwsError(404, "ResourceNotFoundException", `No shadow exists with name: '${ctx.labels.thingName}'`);
  return ctx.index.thing(i);
}

function shadowDocument(thingName: string, shadowName: string | undefined, attributes: Record<string, string>): string {
  const h = hashString(`${thingName}/${shadowName ?? ""}`);
  const updated = 1_735_689_600 + (h % 15_000_000);
  const reported =
    shadowName === "config"
      ? { reportIntervalSeconds: 30 + (h % 5) * 30, telemetryTopic: `telemetry/${thingName}` }
      : shadowName === "firmware"
        ? { version: attributes.firmware ?? "unknown", updateState: h % 3 === 0 ? "PENDING" : "IDLE" }
        : shadowName === "diagnostics"
          ? { uptimeSeconds: h % 9_000_000, lastError: h % 4 === 0 ? "E_SENSOR_TIMEOUT" : null }
          : { temperature: 15 + (h % 200) / 10, humidity: 30 + (h % 50), online: h % 7 !== 0, firmware: attributes.firmware ?? "unknown" };
  const desired = shadowName === "firmware" ? { version: "2.1.0" } : shadowName ? undefined : { reportIntervalSeconds: 60 };
  const metadataReported = Object.fromEntries(Object.keys(reported).map((k) => [k, { timestamp: updated }]));
  return JSON.stringify({
    state: desired ? { desired, reported } : { reported },
    metadata: { reported: metadataReported },
    version: 1 + (h % 500),
    timestamp: updated,
  });
}

const handlers: Record<string, OperationHandler> = {
  GetThingShadow(ctx) {
    const t = thing(ctx);
    const name = ctx.query.get("name");
    const exists = name === undefined ? t.classicShadow : t.namedShadows.includes(name);
    if (!exists) throw new AwsError(404, "ResourceNotFoundException", `No shadow exists with name: '${name === undefined ? t.name : `${t.name}~${name}`}'`);
    return { status: 200, headers: { "content-type": "application/json", "x-amzn-requestid": ctx.requestId }, body: shadowDocument(t.name, name, t.attributes) };
  },

  ListNamedShadowsForThing(ctx) {
    const t = thing(ctx);
    const raw = ctx.query.get("pageSize");
    const size = raw === undefined ? 25 : Number(raw);
    if (!Number.isInteger(size) || size < 1 || size > 100) throw new AwsError(400, "InvalidRequestException", "pageSize must be between 1 and 100");
    const listing = `ListNamedShadowsForThing|${ctx.region}|${t.name}`;
    const offset = decodeToken(listing, ctx.query.get("nextToken"));
    if (offset === null) throw new AwsError(400, "InvalidRequestException", "The pagination token is invalid.");
    const page = slicePage(t.namedShadows, offset, size);
    return {
      status: 200,
      headers: { "content-type": "application/json", "x-amzn-requestid": ctx.requestId },
      body: JSON.stringify({ results: page.items, nextToken: page.nextOffset === undefined ? undefined : encodeToken(listing, page.nextOffset), timestamp: Math.floor(Date.now() / 1000) }),
    };
  },
};

const route = compileRoutes(ROUTES);

export const iotDataService: ServiceDefinition = {
  id: "iotdata",
  signingNames: ["iotdata", "iotdevicegateway"],
  meta: { protocol: "restJson" },
  errors: REST_JSON_ERRORS,
  resolve: (call) => route(call.method, call.rawPath),
  handlers,
};

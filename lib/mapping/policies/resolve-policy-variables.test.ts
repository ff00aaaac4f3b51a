import { describe, expect, it } from "vitest";
import { LITERAL_QUESTION, LITERAL_STAR, SELF, resolvePolicyVariables, type VariableContext } from "@/lib/mapping/policies/resolve-policy-variables";

const context = (over: Partial<VariableContext> = {}): VariableContext => ({
  thingTypeName: "TempSensor",
  attribute: (name) => (name === "site" ? { kind: "uniform", value: "bldgA" } : name === "room" ? { kind: "varies", values: 3 } : { kind: "missing" }),
  ...over,
});

describe("resolvePolicyVariables", () => {
  it("turns the thing name into SELF without a note", () => {
    expect(resolvePolicyVariables("dt/${iot:Connection.Thing.ThingName}/telemetry", context())).toEqual({ ok: true, glob: `dt/${SELF}/telemetry`, notes: [] });
  });

  it("reads the client ID as the thing name and says so", () => {
    const resolved = resolvePolicyVariables("cmd/${iot:ClientId}/#", context());
    expect(resolved.ok && resolved.glob).toBe(`cmd/${SELF}/#`);
    expect(resolved.ok && resolved.notes.map((n) => n.code)).toEqual(["ClientIdAssumedThingName"]);
  });

  it("fixes the thing type name to the product's type", () => {
    const resolved = resolvePolicyVariables("types/${iot:Connection.Thing.ThingTypeName}/cfg", context());
    expect(resolved.ok && resolved.glob).toBe("types/TempSensor/cfg");
    expect(resolved.ok && resolved.notes[0]?.code).toBe("ThingTypeNameResolved");
  });

  it("cannot resolve the thing type of untyped things", () => {
    const resolved = resolvePolicyVariables("types/${iot:Connection.Thing.ThingTypeName}", context({ thingTypeName: null }));
    expect(resolved).toMatchObject({ ok: false, code: "VariableUnresolved" });
  });

  it("resolves an attribute only when every device has the same value", () => {
    const uniform = resolvePolicyVariables("site/${iot:Connection.Thing.Attributes[site]}/alerts", context());
    expect(uniform.ok && uniform.glob).toBe("site/bldgA/alerts");
    expect(uniform.ok && uniform.notes[0]?.code).toBe("AttributeResolved");
    expect(resolvePolicyVariables("room/${iot:Connection.Thing.Attributes[room]}", context())).toMatchObject({ ok: false, code: "UnsupportedVariable" });
    expect(resolvePolicyVariables("x/${iot:Connection.Thing.Attributes[none]}", context())).toMatchObject({ ok: false, code: "VariableUnresolved" });
  });

  it("refuses variables with no counterpart", () => {
    for (const name of ["iot:Certificate.Subject.CommonName", "iot:Connection.Thing.IsAttached", "aws:SourceIp", ""]) {
      const resolved = resolvePolicyVariables(`a/\${${name}}`, context());
      expect(resolved).toMatchObject({ ok: false, code: "UnsupportedVariable" });
    }
  });

  it("keeps wildcards in attribute values literal", () => {
    const resolved = resolvePolicyVariables("site/${iot:Connection.Thing.Attributes[site]}", context({ attribute: () => ({ kind: "uniform", value: "a*?" }) }));
    expect(resolved.ok && resolved.glob).toBe(`site/a${LITERAL_STAR}${LITERAL_QUESTION}`);
  });

  it("never reads its stand-in characters from the document as variables", () => {
    const resolved = resolvePolicyVariables(`dt/${SELF}/x`, context());
    expect(resolved.ok && resolved.glob).toBe("dt/\uFFFD/x");
  });

  it("keeps escaped stars literal and leaves text without variables alone", () => {
    expect(resolvePolicyVariables("a/${*}/b", context())).toEqual({ ok: true, glob: `a/${LITERAL_STAR}/b`, notes: [] });
    expect(resolvePolicyVariables("plain/topic/*", context())).toEqual({ ok: true, glob: "plain/topic/*", notes: [] });
  });
});

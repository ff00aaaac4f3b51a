import { describe, expect, it } from "vitest";
import { describeResourceProperties } from "@/lib/mapping/map-scan/describe-resource-properties";
import type { ScanResource } from "@/lib/mapping/map-scan/map-scan-types";

const row = (kind: string, name: string, raw: unknown, problem: ScanResource["problem"] = null): ScanResource => ({ kind, arn: `arn:${name}`, name, region: "eu-central-1", tags: {}, raw, problem });

describe("describeResourceProperties", () => {
  it("gives an IAM role's name, trust policy and attached policies, flagging the policy language", () => {
    const { properties, reasons } = describeResourceProperties(
      row("AWS::IAM::Role", "r", { role: { RoleName: "r", Arn: "a", AssumeRolePolicyDocument: "{\"Statement\":[]}", MaxSessionDuration: 3600 }, attachedPolicies: [{ PolicyName: "b" }, { PolicyName: "a" }, {}] }),
    );
    expect(properties).toEqual({
      name: { name: "r", original: "r" },
      roleName: { name: "r", original: "r" },
      trustPolicy: { translated: null, original: "{\"Statement\":[]}" },
      maxSessionDuration: 3600,
      attachedPolicies: ["a", "b"],
    });
    expect(reasons.map((r) => r.code)).toEqual(["policy-language"]);
  });

  it("flags KMS keys that are AWS-managed, pending deletion or multi-Region", () => {
    const { properties, reasons } = describeResourceProperties(
      row("AWS::KMS::Key", "k", { key: { KeyId: "k", Arn: "a", KeyManager: "AWS", KeyState: "PendingDeletion", MultiRegion: true, KeySpec: "SYMMETRIC_DEFAULT" }, aliases: ["alias/b", 3, "alias/a"] }),
    );
    expect(properties).toMatchObject({ keyId: { name: null, original: "k" }, keySpec: "SYMMETRIC_DEFAULT", aliases: ["alias/a", "alias/b"] });
    expect(reasons.map((r) => r.code)).toEqual(["aws-managed-key", "key-state", "multi-region-key"]);
    expect(describeResourceProperties(row("AWS::KMS::Key", "k", { key: { KeyId: "k", Arn: "a", KeyManager: "CUSTOMER", KeyState: "Enabled" } })).reasons).toEqual([]);
  });

  it("flags a certificate that is not active", () => {
    const { properties, reasons } = describeResourceProperties(row("AWS::IoT::Certificate", "c", { certificate: { certificateId: "c", status: "ACTIVE" }, description: { status: "REVOKED", caCertificateId: "ca" } }));
    expect(properties).toMatchObject({ status: "REVOKED", caCertificateId: "ca" });
    expect(reasons.map((r) => r.code)).toEqual(["certificate-status"]);
  });

  it("keeps only the name of an unreadable or damaged record, saying why", () => {
    const unreadable = describeResourceProperties(row("AWS::SQS::Queue", "q", null, { code: "StoredShapeMismatch", issues: "queueUrl: required" }));
    expect(unreadable.properties).toEqual({ name: { name: "q", original: "q" } });
    expect(unreadable.reasons[0]?.message).toContain("queueUrl: required");
    expect(describeResourceProperties(row("AWS::IAM::Role", "r", { role: "no" })).properties).toEqual({ name: { name: "r", original: "r" } });
    expect(describeResourceProperties(row("AWS::IAM::Role", "r", [1])).reasons[0]?.code).toBe("unreadable-record");
  });
});

import { describe, expect, it } from "vitest";
import { DescribeKeyCommand, KMSClient, ListAliasesCommand, ListResourceTagsCommand } from "@aws-sdk/client-kms";
import { kmsKeysCollector } from "@/lib/aws/collectors/kms-keys";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const kms = useAwsMock(KMSClient);
const KMS = "arn:aws:kms:eu-west-1:123456789012";

describe("kms.keys", () => {
  it("reads the keys and aliases referenced in its region, each key once", async () => {
    kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => {
      const keyId = input.KeyId.endsWith("alias/aws/sqs") ? "aws-managed" : "k-1";
      return { KeyMetadata: { KeyId: keyId, Arn: `${KMS}:key/${keyId}`, KeyManager: keyId === "k-1" ? "CUSTOMER" : "AWS" } };
    });
    kms.on(ListAliasesCommand, { KeyId: "k-1" }).resolves({ Aliases: [{ AliasName: "alias/lake", AliasArn: `${KMS}:alias/lake` }] });
    kms.on(ListResourceTagsCommand).resolves({ Tags: [{ TagKey: "purpose", TagValue: "lake" }] });
    const run = await runCollector(kmsKeysCollector, {
      mocks: [kms],
      referenced: {
        "AWS::KMS::Key": [`${KMS}:key/k-1`, "arn:aws:kms:us-east-1:123456789012:key/elsewhere"],
        "AWS::KMS::Alias": [`${KMS}:alias/lake`, `${KMS}:alias/aws/sqs`],
      },
    });
    expect(kms.commandCalls(DescribeKeyCommand)).toHaveLength(3);
    const key = storedRaw(run, KIND.kmsKey, "alias/lake");
    expect([key.key.Arn, key.key.KeyManager, key.aliases]).toEqual([`${KMS}:key/k-1`, "CUSTOMER", ["alias/lake"]]);
    expect(storedRaw(run, KIND.kmsAlias, "alias/aws/sqs")).toEqual({ aliasArn: `${KMS}:alias/aws/sqs`, targetKeyId: "aws-managed" });
    expect(kms.commandCalls(ListResourceTagsCommand).map((c) => c.args[0].input.KeyId)).toEqual(["k-1"]);
    expect(run.resources.map((r) => `${r.kind} ${r.name}`).sort()).toEqual([
      "AWS::KMS::Alias alias/aws/sqs",
      "AWS::KMS::Alias alias/lake",
      "AWS::KMS::Key alias/lake",
      "AWS::KMS::Key aws-managed",
    ]);
    expect(run.resources.find((r) => r.arn === `${KMS}:key/k-1`)?.tags).toEqual({ purpose: "lake" });
    expect(edges(run)).toEqual([`${KMS}:alias/aws/sqs -alias-of-> ${KMS}:key/aws-managed`, `${KMS}:alias/lake -alias-of-> ${KMS}:key/k-1`]);
  });
});

import { describe, expect, it } from "vitest";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { createClientFactory } from "@/lib/aws/create-client-factory";
import { identifyAccount, identifyAccountInRegion } from "@/lib/aws/identify-account";
import { awsError, useAwsMock } from "@/lib/aws/testing/run-collector";
import { testCredentials } from "@/lib/aws/testing/static-credentials";

const sts = useAwsMock(STSClient);
const clients = () => createClientFactory({ region: "cn-north-1", credentials: testCredentials });

describe("identifyAccount", () => {
  it("returns the account, the caller and the partition", async () => {
    sts.on(GetCallerIdentityCommand).resolves({
      Account: "123456789012",
      Arn: "arn:aws-cn:sts::123456789012:assumed-role/SilkrouteReader/scan",
      UserId: "AROAEXAMPLE:scan",
    });
    await expect(identifyAccount(clients())).resolves.toEqual({
      accountId: "123456789012",
      arn: "arn:aws-cn:sts::123456789012:assumed-role/SilkrouteReader/scan",
      userId: "AROAEXAMPLE:scan",
      partition: "aws-cn",
    });
  });

  it.each([
    [awsError("InvalidClientTokenId", 403), "InvalidCredentials"],
    [awsError("ExpiredToken", 400), "ExpiredCredentials"],
    [awsError("AccessDenied", 403), "AccessDenied"],
    [awsError("RegionDisabledException", 403), "RegionNotEnabled"],
    [Object.assign(new Error("getaddrinfo ENOTFOUND sts.cn-north-1.amazonaws.com.cn"), { code: "ENOTFOUND" }), "NetworkError"],
    [awsError("Mystery", 400), "Unknown"],
  ])("maps %s to %s", async (error, code) => {
    sts.on(GetCallerIdentityCommand).rejects(error);
    await expect(identifyAccount(clients())).rejects.toMatchObject({ name: "AwsOperationError", code, operation: "GetCallerIdentity" });
  });

  it("reports an answer without an account as malformed", async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Arn: "arn:aws:iam::123456789012:user/x" });
    await expect(identifyAccount(clients())).rejects.toMatchObject({ code: "MalformedResponse" });
  });

  describe("in a region of a connection", () => {
    const home = () => createClientFactory({ region: "eu-central-1", credentials: testCredentials });
    const optIn = () => createClientFactory({ region: "ap-east-1", credentials: testCredentials });

    it("calls a region whose answer is 'invalid credentials' not enabled when the credentials work at home", async () => {
      sts.on(GetCallerIdentityCommand).callsFake((_input, getClient) => {
        return getClient().config.region().then((region: string) => {
          if (region === "ap-east-1") throw awsError("InvalidClientTokenId", 403, "The security token included in the request is invalid");
          return { Account: "123456789012", Arn: "arn:aws:iam::123456789012:user/reader" };
        });
      });
      const failure = await identifyAccountInRegion(optIn(), home()).catch((e: unknown) => e);
      expect(failure).toMatchObject({ name: "AwsOperationError", code: "RegionNotEnabled" });
      expect((failure as Error).message).toContain("ap-east-1");
      expect((failure as Error).message).not.toContain("security token");
      await expect(identifyAccountInRegion(home(), home())).resolves.toMatchObject({ accountId: "123456789012" });
    });

    it("keeps 'invalid credentials' when they fail at home too", async () => {
      sts.on(GetCallerIdentityCommand).rejects(awsError("InvalidClientTokenId", 403));
      await expect(identifyAccountInRegion(optIn(), home())).rejects.toMatchObject({ code: "InvalidCredentials" });
    });
  });
});

import type { AwsCredentialIdentityProvider } from "@smithy/types";

/** Credentials that sign requests for local test servers and mocks; they open nothing. */
export const testCredentials: AwsCredentialIdentityProvider = async () => ({
  accessKeyId: "AKIDSILKROUTETEST",
  secretAccessKey: "silkroute-test-secret",
});

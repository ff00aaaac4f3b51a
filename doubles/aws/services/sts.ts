/**
 * AWS STS (awsQuery): who am I, and AssumeRole for the roles the server was told may be assumed
 * (with their external id). Issued credentials are accepted by every service of the stand-in and
 * belong to the estate's account.
 */
import { defineQueryService } from "../define-query-service";
import { AwsError, isoTime, xmlElement, xmlText } from "../protocol";
import { QUERY_ERRORS } from "../service-errors";

export const stsService = defineQueryService({
  id: "sts",
  signingNames: ["sts"],
  xmlNamespace: "https://sts.amazonaws.com/doc/2011-06-15/",
  errors: QUERY_ERRORS,
  handlers: {
    GetCallerIdentity(ctx) {
      return xmlText("UserId", ctx.caller.userId) + xmlText("Account", ctx.caller.accountId) + xmlText("Arn", ctx.caller.arn);
    },

    AssumeRole(ctx, params) {
      const roleArn = params.required("RoleArn");
      const sessionName = params.required("RoleSessionName");
      if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
        throw new AwsError(400, "ValidationError", `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
      }
      const duration = params.int("DurationSeconds", 900, 43_200, 3600);
      if (!ctx.canAssume(roleArn, params.get("ExternalId"))) {
        throw new AwsError(403, "AccessDenied", `User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
      }
      const issued = ctx.issueCredentials(roleArn, sessionName, duration);
      return (
        xmlElement(
          "Credentials",
          xmlText("AccessKeyId", issued.accessKeyId),
          xmlText("SecretAccessKey", issued.secretAccessKey),
          xmlText("SessionToken", issued.sessionToken),
          xmlText("Expiration", isoTime(issued.expiration)),
        ) +
        xmlElement("AssumedRoleUser", xmlText("AssumedRoleId", issued.assumedRoleId), xmlText("Arn", issued.assumedRoleArn)) +
        xmlText("PackedPolicySize", 0)
      );
    },
  },
});

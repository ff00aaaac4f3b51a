/**
 * AWS IAM (awsQuery, global): the roles an IoT estate's rules, functions and role aliases assume.
 * Like IAM, trust policy documents are returned URL-encoded.
 */
import { arns } from "../arns";
import { defineQueryService, type QueryParams } from "../define-query-service";
import type { IamRole } from "../estate-types";
import { decodeToken, encodeToken, slicePage } from "../pagination";
import { AwsError, isoTime, xmlElement, xmlText } from "../protocol";
import { QUERY_ERRORS, withErrors } from "../service-errors";
import type { CallContext } from "../service-types";

function role(ctx: CallContext, params: QueryParams): IamRole {
  const name = params.required("RoleName");
  const r = ctx.estateIndex.role(name);
  if (!r) throw new AwsError(404, "NoSuchEntity", `The role with name ${name} cannot be found.`);
  return r;
}

function roleXml(ctx: CallContext, r: IamRole, full: boolean): string {
  return (
    xmlText("Path", r.path) +
    xmlText("RoleName", r.name) +
    xmlText("RoleId", r.id) +
    xmlText("Arn", arns.iamRole(ctx.accountId, r.name, r.path)) +
    xmlText("CreateDate", isoTime(r.createDate)) +
    xmlText("AssumeRolePolicyDocument", encodeURIComponent(r.assumeRolePolicyDocument)) +
    xmlText("Description", r.description) +
    xmlText("MaxSessionDuration", r.maxSessionDuration) +
    (full
      ? xmlElement("Tags", ...Object.entries(r.tags).map(([k, v]) => xmlElement("member", xmlText("Key", k), xmlText("Value", v)))) +
        xmlElement("RoleLastUsed", xmlText("LastUsedDate", isoTime(r.createDate + 86_400 * 30)), xmlText("Region", ctx.estateIndex.estate.regions[0]))
      : "")
  );
}

/** IAM's Marker/MaxItems/IsTruncated pagination. */
function paged<T>(listing: string, params: QueryParams, items: readonly T[], render: (item: T) => string, wrapper: string): string {
  const max = params.int("MaxItems", 1, 1000, 100);
  const offset = decodeToken(listing, params.get("Marker"));
  if (offset === null) throw new AwsError(400, "ValidationError", "Invalid Marker.");
  const page = slicePage(items, offset, max);
  return (
    xmlElement(wrapper, ...page.items.map((item) => xmlElement("member", render(item)))) +
    xmlText("IsTruncated", page.nextOffset !== undefined) +
    (page.nextOffset === undefined ? "" : xmlText("Marker", encodeToken(listing, page.nextOffset)))
  );
}

export const iamService = defineQueryService({
  id: "iam",
  signingNames: ["iam"],
  xmlNamespace: "https://iam.amazonaws.com/doc/2010-05-08/",
  global: true,
  errors: withErrors(QUERY_ERRORS, {
    internal: { status: 500, code: "ServiceFailure", message: "The request processing has failed because of an unknown error, exception or failure." },
  }),
  handlers: {
    GetRole(ctx, params) {
      return xmlElement("Role", roleXml(ctx, role(ctx, params), true));
    },

    ListRoles(ctx, params) {
      const prefix = params.get("PathPrefix") ?? "/";
      const roles = ctx.estateIndex.estate.iamRoles.filter((r) => r.path.startsWith(prefix));
      return paged(`ListRoles|${prefix}`, params, roles, (r) => roleXml(ctx, r, false), "Roles");
    },

    ListAttachedRolePolicies(ctx, params) {
      const r = role(ctx, params);
      return paged(`ListAttachedRolePolicies|${r.name}`, params, r.attachedPolicies, (p) => xmlText("PolicyName", p.name) + xmlText("PolicyArn", p.arn), "AttachedPolicies");
    },

    ListRoleTags(ctx, params) {
      const r = role(ctx, params);
      return paged(`ListRoleTags|${r.name}`, params, Object.entries(r.tags), ([k, v]) => xmlText("Key", k) + xmlText("Value", v), "Tags");
    },
  },
});

/**
 * The concrete properties of a resource mapped through the catalogue's candidates (no dedicated
 * mapping): its name (kept as it is: the naming rules of RAM roles, KMS keys and the other targets are
 * not in the research notes, so nothing is rewritten), and for IAM roles, KMS keys and IoT certificates
 * the fields an architect needs to recreate them, each beside the AWS original. Reasons flag what needs
 * attention (a key pending deletion, a revoked certificate...). Damaged records give the name only.
 */
import { KIND as RESOURCE_KINDS } from "@/lib/aws/resource-kinds";
import type { ProposalReason, ScanResource } from "@/lib/mapping/map-scan/map-scan-types";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

export function describeResourceProperties(row: ScanResource): { properties: Record<string, unknown>; reasons: ProposalReason[] } {
  const properties: Record<string, unknown> = { name: { name: row.name, original: row.name } };
  const reasons: ProposalReason[] = [];
  const raw = row.raw;
  if (raw === null || raw === undefined || !isObject(raw)) {
    const issues = row.problem?.issues ? ` (${row.problem.issues})` : "";
    reasons.push({ code: "unreadable-record", message: `The stored record of "${row.name}" could not be read${issues}: proposed from its kind alone; re-scan it.` });
    return { properties, reasons };
  }
  if (row.kind === RESOURCE_KINDS.iamRole && isObject(raw.role)) {
    const role = raw.role;
    properties.roleName = { name: text(role.RoleName) ?? row.name, original: text(role.RoleName) ?? row.name };
    properties.trustPolicy = { translated: null, original: text(role.AssumeRolePolicyDocument) };
    properties.maxSessionDuration = typeof role.MaxSessionDuration === "number" ? role.MaxSessionDuration : null;
    properties.attachedPolicies = Array.isArray(raw.attachedPolicies)
      ? raw.attachedPolicies.map((p: unknown) => (isObject(p) ? text(p.PolicyName) : null)).filter((p): p is string => p !== null).sort()
      : [];
    reasons.push({ code: "policy-language", message: "RAM's policy language differs from IAM's: the trust policy and the attached policies are rewritten, not copied." });
  } else if (row.kind === RESOURCE_KINDS.kmsKey && isObject(raw.key)) {
    const key = raw.key;
    properties.keyId = { name: null, original: text(key.KeyId) };
    properties.keySpec = text(key.KeySpec);
    properties.keyUsage = text(key.KeyUsage);
    properties.aliases = Array.isArray(raw.aliases) ? raw.aliases.filter((a): a is string => typeof a === "string").sort() : [];
    if (key.KeyManager === "AWS") reasons.push({ code: "aws-managed-key", message: "An AWS-managed key: its Alibaba counterpart is the service's own default key, not one to create." });
    if (key.KeyState === "PendingDeletion" || key.KeyState === "Disabled") {
      reasons.push({ code: "key-state", message: `The key is ${String(key.KeyState)} on AWS: check whether it is still needed.` });
    }
    if (key.MultiRegion === true) reasons.push({ code: "multi-region-key", message: "A multi-Region key: create one key per target region; key material cannot be copied out of AWS KMS." });
  } else if (row.kind === RESOURCE_KINDS.iotCertificate && isObject(raw.certificate)) {
    const certificate = raw.certificate;
    const description = isObject(raw.description) ? raw.description : {};
    properties.certificateId = { name: null, original: text(certificate.certificateId) };
    properties.status = text(description.status) ?? text(certificate.status);
    properties.caCertificateId = text(description.caCertificateId);
    const status = properties.status;
    if (status !== null && status !== "ACTIVE") reasons.push({ code: "certificate-status", message: `The certificate is ${String(status)} on AWS: its devices may not need a credential.` });
  }
  return { properties, reasons };
}

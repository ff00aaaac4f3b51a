import "server-only";
import dns from "node:dns";
import { env } from "@/lib/env";
import { AppError, type ErrorReason } from "@/lib/errors";
import { EndpointRefusedError } from "@/lib/aws/endpoint-refused-error";
import { classifyAddress, isMetadataHostName, type AddressClass } from "@/lib/connections/classify-endpoint-address";

/**
 * The rules for a connection's custom endpoint (entered by an admin; the operator's own
 * AWS_ENDPOINT_URL and SDK settings are not subject to them): metadata, link-local and reserved
 * addresses are refused always; loopback and private addresses unless
 * SILKROUTE_ALLOW_PRIVATE_ENDPOINTS=true. Checked when a connection is saved (with its host name
 * resolved), and again on every connection the SDK clients open for it (create-endpoint-agents.ts),
 * so a name that resolves differently later (DNS rebinding) is refused too.
 */
export interface EndpointRules {
  allowPrivate: boolean;
}

export function endpointRules(): EndpointRules {
  return { allowPrivate: env().SILKROUTE_ALLOW_PRIVATE_ENDPOINTS };
}

const REASON: Record<Exclude<AddressClass, "public">, ErrorReason> = {
  metadata: "connectionEndpointMetadata",
  "link-local": "connectionEndpointLinkLocal",
  reserved: "connectionEndpointReserved",
  loopback: "connectionEndpointPrivate",
  private: "connectionEndpointPrivate",
};

/** Why an address of this class may not be connected to, or null when it may. */
export function refusalOf(cls: AddressClass | null, rules: EndpointRules): ErrorReason | null {
  if (cls === null || cls === "public") return null;
  if ((cls === "loopback" || cls === "private") && rules.allowPrivate) return null;
  return REASON[cls];
}

/** The refusal of a host that is an address literal or a metadata service's name, before any DNS lookup. */
export function refusalOfHost(host: string, rules: EndpointRules): EndpointRefusedError | null {
  const bare = host.replace(/^\[|\]$/g, "");
  if (isMetadataHostName(bare)) return new EndpointRefusedError("connectionEndpointMetadata", { host: bare, via: "none" });
  const reason = refusalOf(classifyAddress(bare), rules);
  return reason ? new EndpointRefusedError(reason, { host: bare, via: "none" }) : null;
}

/** The refusal of what a host name resolved to: the first address the rules forbid. */
export function refusalOfAddresses(host: string, addresses: string[], rules: EndpointRules): EndpointRefusedError | null {
  for (const address of addresses) {
    const reason = refusalOf(classifyAddress(address), rules);
    if (reason) return new EndpointRefusedError(reason, { host, via: address === host ? "none" : address });
  }
  return null;
}

/**
 * The endpoint's URL, parsed, with its host checked as written: an http(s) URL without user name
 * or password, whose host is not a forbidden address or a metadata service's name. Legacy IPv4
 * forms (http://2852039166/, http://0xA9FEA9FE/) are read as the URL standard reads them.
 */
export function parseEndpointUrl(endpointUrl: string, rules: EndpointRules): URL {
  let url: URL;
  try {
    url = new URL(endpointUrl);
  } catch {
    throw new AppError("VALIDATION_FAILED", "connectionEndpointInvalid");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname || url.username || url.password) {
    throw new AppError("VALIDATION_FAILED", "connectionEndpointInvalid");
  }
  const refused = refusalOfHost(url.hostname, rules);
  if (refused) throw refused.toAppError();
  return url;
}

export type ResolveHost = (host: string) => Promise<string[]>;

const resolveWithDns: ResolveHost = async (host) => (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Checks a connection's endpoint as it is saved: its URL and host as written, then every address
 * its host name resolves to now. A name that cannot be resolved is refused with a clear message.
 */
export async function checkEndpointUrl(endpointUrl: string, rules: EndpointRules = endpointRules(), resolve: ResolveHost = resolveWithDns): Promise<void> {
  const url = parseEndpointUrl(endpointUrl, rules);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (classifyAddress(host) !== null) return;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch (err) {
    throw new AppError("VALIDATION_FAILED", "connectionEndpointUnresolved", { host, code: (err as NodeJS.ErrnoException).code ?? "error" });
  }
  const refused = refusalOfAddresses(host, addresses, rules);
  if (refused) throw refused.toAppError();
}

import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { Duplex } from "node:stream";
import { refusalOfAddresses, refusalOfHost, type EndpointRules } from "@/lib/connections/check-endpoint-url";

/** The HTTP agents the SDK clients of a connection with a custom endpoint open their sockets with. */
export interface EndpointAgents {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net.connect that resolves the host and refuses the connection when any address
 * it resolves to is forbidden by the endpoint rules. The socket then connects to exactly the
 * address checked here, so a name that resolved to an allowed address when the connection was
 * saved and resolves to a metadata address now (DNS rebinding) is refused at connect time.
 */
export function guardedLookup(rules: EndpointRules, resolve: typeof dns.lookup = dns.lookup) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    const named = refusalOfHost(hostname, rules);
    if (named) {
      callback(named, "");
      return;
    }
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "");
      const list = addresses as dns.LookupAddress[];
      const refused = refusalOfAddresses(hostname, list.map((a) => a.address), rules);
      if (refused) return callback(refused, "");
      if (list.length === 0) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "");
      if (options.all) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** A host given as an address is connected to without a lookup: it is checked here instead. */
function refuseLiteral(host: string | null | undefined, rules: EndpointRules): Error | null {
  if (!host || net.isIP(host.replace(/^\[|\]$/g, "")) === 0) return null;
  return refusalOfHost(host, rules);
}

/**
 * HTTP and HTTPS agents (keep-alive, as the SDK's own) whose every socket obeys the endpoint
 * rules: address literals are checked before connecting, host names through guardedLookup.
 */
export function createEndpointAgents(rules: EndpointRules, resolve: typeof dns.lookup = dns.lookup): EndpointAgents {
  const lookup = guardedLookup(rules, resolve) as unknown as net.LookupFunction;
  const options = { keepAlive: true, maxSockets: 50, lookup };
  class GuardedHttpAgent extends http.Agent {
    override createConnection(opts: http.ClientRequestArgs, callback?: (err: Error | null, socket: Duplex) => void): Duplex | null | undefined {
      const refused = refuseLiteral(opts.host ?? opts.hostname, rules);
      if (refused) {
        callback?.(refused, undefined as unknown as Duplex);
        return undefined;
      }
      return super.createConnection(opts, callback);
    }
  }
  class GuardedHttpsAgent extends https.Agent {
    override createConnection(opts: http.ClientRequestArgs, callback?: (err: Error | null, socket: Duplex) => void): Duplex | null | undefined {
      const refused = refuseLiteral(opts.host ?? opts.hostname, rules);
      if (refused) {
        callback?.(refused, undefined as unknown as Duplex);
        return undefined;
      }
      return super.createConnection(opts, callback);
    }
  }
  return { httpAgent: new GuardedHttpAgent(options), httpsAgent: new GuardedHttpsAgent(options) };
}

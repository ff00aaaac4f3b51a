import { describe, expect, it } from "vitest";
import { normaliseAddress, parseForwardedFor, pickClientAddress } from "@/lib/net/resolve-client-address";

const chainOf = (header: string | undefined, socket: string) => [...parseForwardedFor(header), socket];

describe("the client address from X-Forwarded-For and trusted proxy hops", () => {
  it("with no trusted proxy it is the socket's address, whatever the client sent", () => {
    expect(pickClientAddress(chainOf(undefined, "203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(pickClientAddress(chainOf("6.6.6.6", "203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(pickClientAddress(chainOf("6.6.6.6, 7.7.7.7", "203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("with one proxy it is the entry that proxy appended, not the left-most one", () => {
    // client 198.51.100.4 sent a forged "6.6.6.6"; the proxy (10.0.0.2) appended the client's address.
    expect(pickClientAddress(chainOf("6.6.6.6, 198.51.100.4", "10.0.0.2"), 1)).toBe("198.51.100.4");
    expect(pickClientAddress(chainOf("198.51.100.4", "10.0.0.2"), 1)).toBe("198.51.100.4");
  });

  it("counts N hops from the right", () => {
    const chain = chainOf("1.1.1.1, 2.2.2.2, 198.51.100.4, 10.0.0.1", "10.0.0.2");
    expect(pickClientAddress(chain, 0)).toBe("10.0.0.2");
    expect(pickClientAddress(chain, 1)).toBe("10.0.0.1");
    expect(pickClientAddress(chain, 2)).toBe("198.51.100.4");
    expect(pickClientAddress(chain, 3)).toBe("2.2.2.2");
  });

  it("a chain shorter than the hops (a request that bypassed a proxy) gives its left-most entry", () => {
    expect(pickClientAddress(chainOf(undefined, "192.0.2.9"), 2)).toBe("192.0.2.9");
    expect(pickClientAddress(chainOf("198.51.100.4", "10.0.0.2"), 5)).toBe("198.51.100.4");
  });

  it("skips an entry that is not an address towards the right, never to the left", () => {
    expect(pickClientAddress(chainOf("6.6.6.6, unknown", "10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(pickClientAddress(chainOf("6.6.6.6, <script>", "10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(pickClientAddress(["nonsense"], 0)).toBeNull();
    expect(pickClientAddress([], 0)).toBeNull();
  });

  it("reads several header lines as one chain", () => {
    expect(parseForwardedFor(["6.6.6.6, 7.7.7.7", "198.51.100.4"])).toEqual(["6.6.6.6", "7.7.7.7", "198.51.100.4"]);
    expect(parseForwardedFor(" , ,")).toEqual([]);
  });

  it("normalises ports, brackets, zones and IPv4-mapped IPv6", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("198.51.100.4:5123")).toBe("198.51.100.4");
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normaliseAddress("::1")).toBe("::1");
    expect(normaliseAddress("example.com")).toBeNull();
    expect(normaliseAddress("")).toBeNull();
  });
});

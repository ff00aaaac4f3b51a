import { describe, expect, it } from "vitest";
import { classifyAddress, isMetadataHostName, parseIpv4Loose } from "@/lib/connections/classify-endpoint-address";
import { checkEndpointUrl, parseEndpointUrl, refusalOf } from "@/lib/connections/check-endpoint-url";
import { AppError } from "@/lib/errors";

const strict = { allowPrivate: false };
const lenient = { allowPrivate: true };

describe("classifyAddress", () => {
  it.each([
    // IPv4
    ["169.254.169.254", "metadata"],
    ["169.254.170.2", "metadata"],
    ["100.100.100.200", "metadata"],
    ["169.254.1.1", "link-local"],
    ["169.254.255.255", "link-local"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["0.0.0.0", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.10.20", "private"],
    ["100.64.0.1", "private"],
    ["224.0.0.251", "reserved"],
    ["255.255.255.255", "reserved"],
    ["172.32.0.1", "public"],
    ["8.8.8.8", "public"],
    ["52.94.236.248", "public"],
    // IPv6
    ["fd00:ec2::254", "metadata"],
    ["[fd00:ec2::254]", "metadata"],
    ["fe80::1", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["[fe80::a:b%25en0]", "link-local"],
    ["::1", "loopback"],
    ["::", "loopback"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["ff02::1", "reserved"],
    ["2600:1f18::1", "public"],
    // IPv6 forms that reach an IPv4 address
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::169.254.169.254", "metadata"],
    ["64:ff9b::a9fe:a9fe", "metadata"],
    ["2002:a9fe:a9fe::1", "metadata"],
    ["::ffff:8.8.8.8", "public"],
    // Legacy IPv4 forms
    ["2852039166", "metadata"],
    ["0xA9FEA9FE", "metadata"],
    ["0xa9.0xfe.0xa9.0xfe", "metadata"],
    ["0251.0376.0251.0376", "metadata"],
    ["169.254.43518", "metadata"],
    ["169.16689662", "metadata"],
    ["2130706433", "loopback"],
    ["0x7f.1", "loopback"],
    ["017700000001", "loopback"],
  ])("%s is %s", (host, expected) => {
    expect(classifyAddress(host)).toBe(expected);
  });

  it("says null for host names and what is not an address", () => {
    for (const host of ["localhost", "s3.amazonaws.com", "deadbeef", "1.2.3.4.5", "256.1.1.1", "08.1.1.1", "1.2.3.4294967296", ":::1", "fe80::1::2"]) {
      expect(classifyAddress(host), host).toBeNull();
    }
    expect(parseIpv4Loose("1.2.3.4")).toBe(0x01020304);
    expect(parseIpv4Loose("4294967295")).toBe(0xffffffff);
    expect(parseIpv4Loose("4294967296")).toBeNull();
  });

  it("knows the metadata services' host names", () => {
    expect(isMetadataHostName("metadata.google.internal")).toBe(true);
    expect(isMetadataHostName("METADATA.GOOGLE.INTERNAL.")).toBe(true);
    expect(isMetadataHostName("instance-data")).toBe(true);
    expect(isMetadataHostName("metadata.example.com")).toBe(false);
  });
});

describe("the endpoint rules", () => {
  it("refuse metadata, link-local and reserved addresses always, loopback and private ones unless allowed", () => {
    for (const rules of [strict, lenient]) {
      expect(refusalOf("metadata", rules)).toBe("connectionEndpointMetadata");
      expect(refusalOf("link-local", rules)).toBe("connectionEndpointLinkLocal");
      expect(refusalOf("reserved", rules)).toBe("connectionEndpointReserved");
      expect(refusalOf("public", rules)).toBeNull();
      expect(refusalOf(null, rules)).toBeNull();
    }
    expect(refusalOf("loopback", strict)).toBe("connectionEndpointPrivate");
    expect(refusalOf("private", strict)).toBe("connectionEndpointPrivate");
    expect(refusalOf("loopback", lenient)).toBeNull();
    expect(refusalOf("private", lenient)).toBeNull();
  });

  it("read URLs as the SDK does, legacy IPv4 forms included", () => {
    const reasonOf = (url: string, rules = lenient) => {
      try {
        parseEndpointUrl(url, rules);
        return null;
      } catch (err) {
        return (err as AppError).reason;
      }
    };
    expect(reasonOf("http://2852039166/")).toBe("connectionEndpointMetadata");
    expect(reasonOf("http://0xA9FEA9FE/")).toBe("connectionEndpointMetadata");
    expect(reasonOf("http://0251.0376.0251.0376:80/latest/meta-data/")).toBe("connectionEndpointMetadata");
    expect(reasonOf("http://[::ffff:169.254.169.254]/")).toBe("connectionEndpointMetadata");
    expect(reasonOf("http://[fd00:ec2::254]/")).toBe("connectionEndpointMetadata");
    expect(reasonOf("http://metadata.google.internal/computeMetadata/v1/")).toBe("connectionEndpointMetadata");
    expect(reasonOf("http://169.254.10.10:4566")).toBe("connectionEndpointLinkLocal");
    expect(reasonOf("http://[fe80::1]:4566")).toBe("connectionEndpointLinkLocal");
    // A zone id is not valid in a URL: refused as not an endpoint at all.
    expect(reasonOf("http://[fe80::1%25eth0]:4566")).toBe("connectionEndpointInvalid");
    expect(reasonOf("http://user:pw@example.com")).toBe("connectionEndpointInvalid");
    expect(reasonOf("ftp://example.com")).toBe("connectionEndpointInvalid");
    expect(reasonOf("http://127.0.0.1:4566", strict)).toBe("connectionEndpointPrivate");
    expect(reasonOf("http://127.1:4566", strict)).toBe("connectionEndpointPrivate");
    expect(reasonOf("http://127.0.0.1:4566", lenient)).toBeNull();
    expect(reasonOf("https://iot.eu-central-1.amazonaws.com", strict)).toBeNull();
  });

  it("refuse a host name that resolves to a forbidden address, and one that does not resolve", async () => {
    const resolvesTo = (...addresses: string[]) => async () => addresses;
    await expect(checkEndpointUrl("http://aws.internal.example:4566", strict, resolvesTo("52.94.1.1", "169.254.169.254"))).rejects.toMatchObject({
      reason: "connectionEndpointMetadata",
      params: { host: "aws.internal.example", via: "169.254.169.254" },
    });
    await expect(checkEndpointUrl("http://localhost:4566", strict, resolvesTo("::1", "127.0.0.1"))).rejects.toMatchObject({ reason: "connectionEndpointPrivate" });
    await expect(checkEndpointUrl("http://localhost:4566", lenient, resolvesTo("::1", "127.0.0.1"))).resolves.toBeUndefined();
    await expect(checkEndpointUrl("http://minio.corp:9000", lenient, resolvesTo("fe80::5"))).rejects.toMatchObject({ reason: "connectionEndpointLinkLocal" });
    await expect(checkEndpointUrl("https://emulator.example.com", strict, resolvesTo("203.0.113.7"))).resolves.toBeUndefined();
    const unresolved = await checkEndpointUrl("http://nowhere.invalid", strict, async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    }).catch((e: unknown) => e);
    expect(unresolved).toBeInstanceOf(AppError);
    expect(unresolved).toMatchObject({ reason: "connectionEndpointUnresolved", params: { host: "nowhere.invalid", code: "ENOTFOUND" } });
  });
});

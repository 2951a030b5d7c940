import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addressCount,
  cidrPattern,
  cidrContains,
  cidrsOverlap,
  formatCidr,
  formatIpv4,
  isPrivate,
  lastAddress,
  parseCidr,
  parseIpv4,
  prefixForHosts,
  tryCidr,
  usableHostCount,
  type Cidr,
} from "./cidr";

const cidr = (text: string) => {
  const result = parseCidr(text);
  if (!result.ok) throw new Error(result.message);
  return result.cidr;
};

/** Any aligned IPv4 block. */
const arbitraryCidr = fc.record({ address: fc.integer({ min: 0, max: 2 ** 32 - 1 }), prefix: fc.integer({ min: 0, max: 32 }) }).map(
  ({ address, prefix }): Cidr => ({ network: address - (address % addressCount(prefix)), prefix }),
);

describe("IPv4 addresses", () => {
  it("parses and formats dotted quads", () => {
    expect(parseIpv4("10.0.0.1")).toBe(167772161);
    expect(parseIpv4("255.255.255.255")).toBe(2 ** 32 - 1);
    expect(formatIpv4(167772161)).toBe("10.0.0.1");
    for (const bad of ["10.0.0", "10.0.0.256", "10.0.0.01", "a.b.c.d", "10.0.0.0.0", "", " 10.0.0.1"]) expect(parseIpv4(bad), bad).toBeUndefined();
  });

  it("round-trips every address", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (address) => parseIpv4(formatIpv4(address)) === address));
  });
});

describe("parseCidr", () => {
  it("parses blocks and explains what is wrong", () => {
    expect(parseCidr("10.0.0.0/16")).toEqual({ ok: true, cidr: { network: 167772160, prefix: 16 } });
    expect(parseCidr(" 192.168.1.0/24 ")).toMatchObject({ ok: true });
    expect(parseCidr("10.0.0.0")).toEqual({ ok: false, message: '"10.0.0.0" is not a CIDR block; write it like 10.0.0.0/16' });
    expect(parseCidr("10.0.0.0/33")).toEqual({ ok: false, message: "The prefix /33 is out of range; IPv4 prefixes go from /0 to /32" });
    expect(parseCidr("300.0.0.0/8")).toEqual({ ok: false, message: '"300.0.0.0" is not an IPv4 address' });
    expect(parseCidr("10.1.2.3/8")).toEqual({ ok: false, message: "10.1.2.3/8 has host bits set; the network address is 10.0.0.0/8" });
    expect(parseCidr("10.0.0.0/12", { minPrefix: 16, maxPrefix: 28 })).toEqual({ ok: false, message: "The prefix /12 is out of range; use /16 to /28" });
    expect(parseCidr("10.0.0.0/16", { minPrefix: 16, maxPrefix: 28 })).toMatchObject({ ok: true });
    expect(tryCidr("nope")).toBeUndefined();
  });

  it("round-trips every aligned block", () => {
    fc.assert(fc.property(arbitraryCidr, (block) => JSON.stringify(parseCidr(formatCidr(block))) === JSON.stringify({ ok: true, cidr: block })));
  });

  it("refuses any address with host bits past the prefix", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 31 }), (address, prefix) => {
        const aligned = address % addressCount(prefix) === 0;
        return parseCidr(`${formatIpv4(address)}/${prefix}`).ok === aligned;
      }),
    );
  });
});

describe("containment and overlap", () => {
  it("answers for known blocks", () => {
    expect(cidrContains(cidr("10.0.0.0/8"), cidr("10.20.0.0/16"))).toBe(true);
    expect(cidrContains(cidr("10.20.0.0/16"), cidr("10.0.0.0/8"))).toBe(false);
    expect(cidrsOverlap(cidr("10.0.0.0/8"), cidr("10.20.0.0/16"))).toBe(true);
    expect(cidrsOverlap(cidr("10.20.0.0/16"), cidr("10.21.0.0/16"))).toBe(false);
    expect(cidrsOverlap(cidr("0.0.0.0/0"), cidr("255.255.255.255/32"))).toBe(true);
    expect(lastAddress(cidr("10.0.0.0/24"))).toBe(parseIpv4("10.0.0.255"));
    expect(isPrivate(cidr("172.20.0.0/16"))).toBe(true);
    expect(isPrivate(cidr("172.32.0.0/16"))).toBe(false);
  });

  it("overlap is symmetric, and aligned blocks overlap exactly when one contains the other", () => {
    fc.assert(
      fc.property(arbitraryCidr, arbitraryCidr, (a, b) => {
        const overlap = cidrsOverlap(a, b);
        return overlap === cidrsOverlap(b, a) && overlap === (cidrContains(a, b) || cidrContains(b, a));
      }),
    );
  });

  it("a block contains itself and both of its halves, which do not overlap", () => {
    fc.assert(
      fc.property(arbitraryCidr.filter((block) => block.prefix < 32), (block) => {
        const low: Cidr = { network: block.network, prefix: block.prefix + 1 };
        const high: Cidr = { network: block.network + addressCount(block.prefix + 1), prefix: block.prefix + 1 };
        return cidrContains(block, block) && cidrContains(block, low) && cidrContains(block, high) && !cidrsOverlap(low, high);
      }),
    );
  });
});

describe("address counts", () => {
  it("counts addresses and usable hosts", () => {
    expect(addressCount(24)).toBe(256);
    expect(addressCount(0)).toBe(2 ** 32);
    expect(usableHostCount(24, 5)).toBe(251);
    expect(usableHostCount(30, 5)).toBe(0);
    expect(prefixForHosts(251, 5)).toBe(24);
    expect(prefixForHosts(252, 5)).toBe(23);
    expect(prefixForHosts(1, 2)).toBe(30);
  });

  it("finds the smallest subnet that holds the hosts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 24 }), fc.integer({ min: 0, max: 5 }), (hosts, reserved) => {
        const prefix = prefixForHosts(hosts, reserved)!;
        return usableHostCount(prefix, reserved) >= hosts && (prefix === 32 || usableHostCount(prefix + 1, reserved) < hosts);
      }),
    );
  });
});

describe("cidrPattern (the published form of parseCidr's rule)", () => {
  it("matches exactly the blocks parseCidr accepts, host bits and prefix range included", () => {
    const octet = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom("256", "010", "00", "1a"));
    const block = fc.tuple(octet, octet, octet, octet, fc.integer({ min: 0, max: 40 })).map(([a, b, c, d, prefix]) => `${a}.${b}.${c}.${d}/${prefix}`);
    // Blocks with host bits cleared, so that valid ones are drawn often.
    const network = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 })).map(([address, prefix]) => formatCidr({ network: address - (address % 2 ** (32 - prefix)), prefix }));
    for (const options of [{}, { minPrefix: 8, maxPrefix: 24 }, { minPrefix: 16, maxPrefix: 28 }]) {
      const pattern = new RegExp(cidrPattern(options));
      fc.assert(fc.property(fc.oneof(block, network), (text) => pattern.test(text) === parseCidr(text, options).ok), { seed: 15, numRuns: 2000 });
    }
  });
});

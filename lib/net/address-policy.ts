// Outbound URLs (webhooks, Slack, later Git remotes and Prometheus) must not reach the portal's own network
// unless an operator allows it (SSRF): an address in loopback, private, link-local, shared (CGNAT),
// multicast, reserved or documentation ranges is refused, for every address a host name resolves to.
// The check runs when a URL is saved (a 422 on the field) and again at connect time (the resolved address),
// so a name that later resolves elsewhere (DNS rebinding) is still refused.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { promises as dns } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { InvalidError } from "@/lib/errors";

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this" network
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // shared address space (CGNAT)
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and broadcast
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard-only
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

/** The IPv4 address an IPv6 address embeds (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible, NAT64 64:ff9b::/96), if any. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const high = parseInt(hex[1], 16);
    const low = parseInt(hex[2], 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return null;
}

/** True for an address the portal must not connect to unless private addresses are allowed. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, "ipv4");
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4) return blocked.check(v4, "ipv4");
    return blocked.check(bare, "ipv6");
  }
  return true; // not an address at all: refuse
}

export interface OutboundUrlOptions {
  allowPrivate: boolean;
  /** The field path for the error (default ["url"]). */
  path?: (string | number)[];
  /** Resolves a host name to all its addresses (tests inject one). */
  resolve?: (hostname: string) => Promise<string[]>;
}

async function resolveAll(hostname: string): Promise<string[]> {
  const results = await dns.lookup(hostname, { all: true, verbatim: true });
  return results.map((result) => result.address);
}

/**
 * Parses and checks an outbound URL: http(s) only, no credentials in it, and (unless allowed) a host that
 * resolves only to public addresses. Returns the URL, or throws InvalidError on the field.
 */
export async function checkOutboundUrl(raw: string, options: OutboundUrlOptions): Promise<URL> {
  const path = options.path ?? ["url"];
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw InvalidError.field(path, "Enter a full URL, starting with https://");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw InvalidError.field(path, "Only http:// and https:// URLs can receive notifications");
  if (url.username || url.password) throw InvalidError.field(path, "Put credentials in the secret, not in the URL");
  if (options.allowPrivate) return url;
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(hostname)) addresses = [hostname];
  else {
    try {
      addresses = await (options.resolve ?? resolveAll)(hostname);
    } catch {
      throw InvalidError.field(path, `The host name ${hostname} does not resolve`);
    }
    if (addresses.length === 0) throw InvalidError.field(path, `The host name ${hostname} does not resolve`);
  }
  if (addresses.some(isPrivateAddress))
    throw InvalidError.field(path, `${hostname} is a private, loopback or link-local address; the portal only sends to public addresses unless WEBHOOK_ALLOW_PRIVATE=true`);
  return url;
}

/** The error a connection refused by the policy fails with. */
export class RefusedAddressError extends Error {
  readonly code = "EREFUSEDADDRESS";
}

/**
 * A `lookup` for http.request / net.connect that refuses private addresses at connect time, so a name that
 * resolved to a public address when saved cannot be rebound to an internal one later.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as unknown as LookupAddress[];
      const usable = allowPrivate ? list : list.filter((entry) => !isPrivateAddress(entry.address));
      if (usable.length === 0) return callback(new RefusedAddressError(`${hostname} resolves to a private address, which is not allowed`), "", 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0].address, usable[0].family);
    });
  };
}

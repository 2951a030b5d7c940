// IPv4 CIDR arithmetic: parsing with readable errors, containment, overlap and address counts.
// Addresses are held as unsigned 32-bit integers in plain numbers (exact up to 2^53), never bitwise-shifted
// past 31 bits, so there are no sign surprises.

export interface Cidr {
  /** The network address as an unsigned 32-bit integer. */
  network: number;
  prefix: number;
}

export type CidrParseResult = { ok: true; cidr: Cidr } | { ok: false; message: string };

const octetPattern = /^(0|[1-9]\d{0,2})$/;

/** Parses a dotted-quad IPv4 address ("10.0.0.1"), or undefined when it is not one. Leading zeros are refused (ambiguous octal). */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!octetPattern.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}

/** The number of addresses in a block of this prefix length (a /24 holds 256). */
export function addressCount(prefix: number): number {
  return 2 ** (32 - prefix);
}

export interface ParseCidrOptions {
  /** The shortest prefix allowed, e.g. 16 (AWS VPCs are /16 to /28). */
  minPrefix?: number;
  /** The longest prefix allowed, e.g. 28. */
  maxPrefix?: number;
}

/**
 * Parses "10.0.0.0/16". Refuses malformed text, prefixes outside 0–32 or outside the allowed range, and
 * host bits set past the prefix ("10.0.0.1/16"), suggesting the network address instead.
 */
export function parseCidr(text: string, options: ParseCidrOptions = {}): CidrParseResult {
  const trimmed = text.trim();
  const match = /^([^/\s]+)\/(\d{1,2})$/.exec(trimmed);
  if (!match) return { ok: false, message: `"${trimmed}" is not a CIDR block; write it like 10.0.0.0/16` };
  const address = parseIpv4(match[1]);
  if (address === undefined) return { ok: false, message: `"${match[1]}" is not an IPv4 address` };
  const prefix = Number(match[2]);
  if (prefix > 32) return { ok: false, message: `The prefix /${prefix} is out of range; IPv4 prefixes go from /0 to /32` };
  const { minPrefix = 0, maxPrefix = 32 } = options;
  if (prefix < minPrefix || prefix > maxPrefix) {
    return { ok: false, message: `The prefix /${prefix} is out of range; use /${minPrefix} to /${maxPrefix}` };
  }
  const size = addressCount(prefix);
  const network = address - (address % size);
  if (network !== address) {
    return { ok: false, message: `${trimmed} has host bits set; the network address is ${formatIpv4(network)}/${prefix}` };
  }
  return { ok: true, cidr: { network, prefix } };
}

/** An octet written as parseIpv4 reads it (no leading zeros), as a regular expression. */
const octetSource = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

/**
 * The rule parseCidr enforces, as a JSON Schema `pattern`: four octets, a prefix in the allowed range, and
 * no host bits past the prefix (the octet the prefix cuts is a multiple of its block size, the rest 0).
 */
export function cidrPattern({ minPrefix = 0, maxPrefix = 32 }: ParseCidrOptions = {}): string {
  const alternatives: string[] = [];
  for (let prefix = minPrefix; prefix <= maxPrefix; prefix++) {
    const whole = Math.floor(prefix / 8);
    if (whole === 4) {
      alternatives.push(`${Array(4).fill(octetSource).join("\\.")}/32`);
      continue;
    }
    const step = 2 ** (8 - (prefix % 8));
    const cut = Array.from({ length: 256 / step }, (_, index) => String(index * step));
    const octets = [...Array(whole).fill(octetSource), cut.length === 1 ? cut[0] : `(?:${cut.join("|")})`, ...Array(3 - whole).fill("0")];
    alternatives.push(`${octets.join("\\.")}/${prefix}`);
  }
  return `^(?:${alternatives.join("|")})$`;
}

/** The block, or undefined when the text is not a valid CIDR. */
export function tryCidr(text: string): Cidr | undefined {
  const result = parseCidr(text);
  return result.ok ? result.cidr : undefined;
}

/** Parses a CIDR that is known to be valid (e.g. already validated by a schema); throws otherwise. */
export function cidrOf(text: string): Cidr {
  const result = parseCidr(text);
  if (!result.ok) throw new Error(result.message);
  return result.cidr;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIpv4(cidr.network)}/${cidr.prefix}`;
}

/** The last address of the block (its broadcast address). */
export function lastAddress(cidr: Cidr): number {
  return cidr.network + addressCount(cidr.prefix) - 1;
}

/** Whether `inner` lies entirely inside `outer` (a block contains itself). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.network >= outer.network && lastAddress(inner) <= lastAddress(outer);
}

/** Whether the two blocks share at least one address. Aligned blocks either nest or are disjoint. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.network <= lastAddress(b) && b.network <= lastAddress(a);
}

/**
 * Usable host addresses in a subnet of this prefix when the platform reserves `reserved` addresses
 * (AWS and Azure reserve 5 per subnet, GCP 4, classic networks 2: network and broadcast).
 */
export function usableHostCount(prefix: number, reserved: number): number {
  return Math.max(0, addressCount(prefix) - reserved);
}

/** The longest prefix (smallest subnet) that still gives `hosts` usable addresses, or undefined if none does. */
export function prefixForHosts(hosts: number, reserved: number): number | undefined {
  for (let prefix = 32; prefix >= 0; prefix--) {
    if (usableHostCount(prefix, reserved) >= hosts) return prefix;
  }
  return undefined;
}

/** The private ranges of RFC 1918, where cloud networks normally live. */
export const privateRanges: Cidr[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(cidrOf);

export function isPrivate(cidr: Cidr): boolean {
  return privateRanges.some((range) => cidrContains(range, cidr));
}

import { lookup } from "node:dns";
import { describe, expect, it } from "vitest";
import { InvalidError } from "@/lib/errors";
import { checkOutboundUrl, guardedLookup, isPrivateAddress } from "@/lib/net/address-policy";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fd12:3456::1",
    "fc00::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "[::1]",
    "fe80::1%eth0",
    "not-an-address",
  ])("refuses %s", (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2a00:1450:4001::200e"])(
    "allows %s",
    (address) => expect(isPrivateAddress(address)).toBe(false),
  );
});

async function issueOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidError);
  return (error as InvalidError).issues[0];
}

describe("checkOutboundUrl", () => {
  const publicResolver = async () => ["93.184.216.34"];

  it("accepts a public https URL and keeps its path and query", async () => {
    const url = await checkOutboundUrl("https://hooks.example.com/in/abc?x=1", { allowPrivate: false, resolve: publicResolver });
    expect(url.toString()).toBe("https://hooks.example.com/in/abc?x=1");
  });

  it("refuses private literals and names that resolve to any private address, on the given field", async () => {
    expect(await issueOf(checkOutboundUrl("http://127.0.0.1:8080/hook", { allowPrivate: false }))).toMatchObject({ path: ["url"], message: expect.stringContaining("WEBHOOK_ALLOW_PRIVATE") });
    expect(await issueOf(checkOutboundUrl("http://[::1]/hook", { allowPrivate: false, path: ["endpoint", "url"] }))).toMatchObject({ path: ["endpoint", "url"] });
    expect(await issueOf(checkOutboundUrl("http://169.254.169.254/latest/meta-data", { allowPrivate: false }))).toMatchObject({ path: ["url"] });
    const mixed = async () => ["93.184.216.34", "10.0.0.5"];
    expect(await issueOf(checkOutboundUrl("https://sneaky.example.com/", { allowPrivate: false, resolve: mixed }))).toMatchObject({ message: expect.stringContaining("sneaky.example.com") });
    const failing = async () => {
      throw new Error("ENOTFOUND");
    };
    expect(await issueOf(checkOutboundUrl("https://nowhere.invalid/", { allowPrivate: false, resolve: failing }))).toMatchObject({ message: expect.stringContaining("does not resolve") });
  });

  it("refuses other schemes, credentials and garbage even when private addresses are allowed", async () => {
    expect(await issueOf(checkOutboundUrl("ftp://example.com/", { allowPrivate: true }))).toMatchObject({ message: expect.stringContaining("http") });
    expect(await issueOf(checkOutboundUrl("file:///etc/passwd", { allowPrivate: true }))).toMatchObject({ path: ["url"] });
    expect(await issueOf(checkOutboundUrl("https://user:pass@example.com/", { allowPrivate: true }))).toMatchObject({ message: expect.stringContaining("credentials") });
    expect(await issueOf(checkOutboundUrl("not a url", { allowPrivate: true }))).toMatchObject({ message: expect.stringContaining("full URL") });
  });

  it("allows private addresses when the setting says so", async () => {
    expect((await checkOutboundUrl("http://127.0.0.1:9/x", { allowPrivate: true })).host).toBe("127.0.0.1:9");
  });
});

describe("guardedLookup", () => {
  const run = (allowPrivate: boolean, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      guardedLookup(allowPrivate)("localhost", { all }, (error, address) => resolve({ error, address })),
    );

  it("refuses a name that resolves to loopback at connect time", async () => {
    const { error } = await run(false, false);
    expect(error?.message).toMatch(/private address/);
  });

  it("passes addresses through when private addresses are allowed, in both lookup forms", async () => {
    const expected = await new Promise<string>((resolve) => lookup("localhost", (_error, address) => resolve(address)));
    expect((await run(true, false)).address).toBe(expected);
    expect((await run(true, true)).address).toEqual(expect.arrayContaining([expect.objectContaining({ address: expect.any(String) })]));
  });
});

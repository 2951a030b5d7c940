import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { choices, cidrBlock, dateTime, dnsLabel, hostname, parseDateTime, stringList } from "./fields";
import { issuesOf } from "./schema-testing";

describe("shared fields", () => {
  it("reads dates and times as UTC unless an offset is given, and refuses impossible ones", () => {
    expect(parseDateTime("2026-11-28 14:05")).toBe(Date.UTC(2026, 10, 28, 14, 5));
    expect(parseDateTime("2026-11-28T14:05:30Z")).toBe(Date.UTC(2026, 10, 28, 14, 5, 30));
    expect(parseDateTime("2026-11-28 14:05 UTC")).toBe(Date.UTC(2026, 10, 28, 14, 5));
    expect(parseDateTime("2026-11-28 15:05 +01:00")).toBe(Date.UTC(2026, 10, 28, 14, 5));
    expect(parseDateTime("2026-11-28T09:05-05:00")).toBe(Date.UTC(2026, 10, 28, 14, 5));
    for (const bad of ["2026-04-31 10:00", "2026-11-28 25:00", "28/11/2026 14:05", "yesterday", "2026-11-28"]) expect(parseDateTime(bad), bad).toBeUndefined();
  });

  it("labels choices and rejects values outside them with the given message", () => {
    const strategy = choices({ rolling: "Rolling update", canary: { label: "Canary", description: "In steps" } }, "Choose a strategy");
    expect(strategy.options).toEqual([
      { value: "rolling", label: "Rolling update" },
      { value: "canary", label: "Canary", description: "In steps" },
    ]);
    expect(strategy.label("canary")).toBe("Canary");
    expect(issuesOf(strategy.schema, "big-bang")).toEqual([": Choose a strategy"]);
    expect(issuesOf(strategy.schema, undefined)).toEqual([": Choose a strategy"]);
  });

  it("checks names, hosts, CIDRs and lists", () => {
    expect(issuesOf(dnsLabel("app name"), "checkout-api")).toEqual([]);
    expect(issuesOf(dnsLabel("app name"), "-bad")[0]).toMatch(/lowercase letters, digits and hyphens/);
    expect(issuesOf(dnsLabel("app name"), "")).toEqual([": Enter the app name"]);
    expect(issuesOf(hostname("host"), "api.example.com")).toEqual([]);
    expect(issuesOf(hostname("host"), "*.example.com")).toEqual([]);
    expect(issuesOf(hostname("host"), "localhost")).toEqual([": The host must be a DNS name such as api.example.com"]);
    expect(issuesOf(cidrBlock("CIDR", { minPrefix: 16, maxPrefix: 28 }), "10.0.0.0/8")).toEqual([": The prefix /8 is out of range; use /16 to /28"]);
    expect(issuesOf(stringList("system", { min: 1 }), [])).toEqual([": Add at least one system"]);
    expect(issuesOf(stringList("system"), ["a", "a"])).toEqual([": Each system entry must appear once"]);
  });
});

describe("the published pattern of dateTime", () => {
  const pattern = new RegExp((z.toJSONSchema(dateTime("time")) as { pattern: string }).pattern);
  it("matches exactly the dates and times parseDateTime reads (leap days, years 0100-9999)", () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((value) => String(value).padStart(2, "0"));
    const text = fc
      .tuple(fc.integer({ min: 0, max: 9999 }).map((year) => String(year).padStart(4, "0")), two(13), two(32), fc.constantFrom(" ", "T"), two(25), two(61), fc.constantFrom("", " UTC", "Z", "+01:00", " -05:30"))
      .map(([year, month, day, separator, hour, minute, zone]) => `${year}-${month}-${day}${separator}${hour}:${minute}${zone}`);
    fc.assert(fc.property(text, (value) => pattern.test(value) === (parseDateTime(value) !== undefined)), { seed: 15, numRuns: 5000 });
    expect(pattern.test("2028-02-29 10:00")).toBe(true);
    expect(pattern.test("2100-02-29 10:00")).toBe(false);
    expect(pattern.test("2000-02-29 10:00")).toBe(true);
    expect(pattern.test("0050-01-01 10:00")).toBe(false);
  });
});

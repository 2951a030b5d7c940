import { describe, expect, it } from "vitest";
import { formatDateTime, formatRelative } from "@/lib/format";

describe("format", () => {
  it("formats in UTC and shows a dash for missing values", () => {
    expect(formatDateTime(new Date("2026-03-04T05:06:00Z"))).toBe("4 Mar 2026, 05:06 UTC");
    expect(formatDateTime(null)).toBe("—");
  });

  it("describes relative times", () => {
    const now = new Date("2026-03-04T12:00:00Z");
    expect(formatRelative(new Date("2026-03-04T11:57:00Z"), now)).toBe("3 minutes ago");
    expect(formatRelative(new Date("2026-03-06T12:00:00Z"), now)).toBe("in 2 days");
    expect(formatRelative(now, now)).toBe("just now");
  });

  it("counts calendar days: 10:00 two days on is not tomorrow", () => {
    const now = new Date("2026-12-04T15:00:00Z");
    expect(formatRelative(new Date("2026-12-06T10:00:00Z"), now)).toBe("in 2 days");
    expect(formatRelative(new Date("2026-12-05T16:00:00Z"), now)).toBe("tomorrow");
    expect(formatRelative(new Date("2026-12-02T20:00:00Z"), now)).toBe("2 days ago");
  });
});

import { describe, expect, it } from "vitest";
import { parseLiveChange, sseFrame } from "@/lib/live/messages";

describe("live change payloads", () => {
  it("reads what the triggers announce", () => {
    expect(parseLiveChange("incident:ck1 timeline ev9")).toEqual({ topic: "incident:ck1", part: "timeline", rowId: "ev9" });
    expect(parseLiveChange("meeting:m1 state")).toEqual({ topic: "meeting:m1", part: "state" });
    expect(parseLiveChange("request:r1 comments")).toEqual({ topic: "request:r1", part: "comments" });
  });

  it("ignores anything else on the channel", () => {
    for (const payload of ["", "incident:ck1", "team:t1 detail", ":x detail", "incident: detail", "incident:a b c d", "nonsense"]) {
      expect(parseLiveChange(payload), payload).toBeUndefined();
    }
  });

  it("frames Server-Sent Events with one line of JSON", () => {
    expect(sseFrame("change", { part: "timeline", data: { body: "two\nlines" } })).toBe('event: change\ndata: {"part":"timeline","data":{"body":"two\\nlines"}}\n\n');
    expect(sseFrame("ready", undefined, "7")).toBe("id: 7\nevent: ready\ndata: {}\n\n");
  });
});

import { describe, expect, it } from "vitest";
import { expectIssue, expectValid, expectWellFormedRole } from "@/lib/agents/shared/schema-testing";
import { sreEngineer } from "./definition";
import { sreEngineerExample as example, sreEngineerSchema as schema } from "./schema";

const sliFields = sreEngineer.fields.find((candidate) => candidate.path === "slis")!.itemFields!;
const sliField = (path: string) => sliFields.find((candidate) => candidate.path === path)!;
const [availability, latency] = example.slis;

describe("sre-engineer requirements", () => {
  it("accepts the example and a filled-in new form, and exports a JSON Schema", () => {
    expectWellFormedRole(sreEngineer, {
      serviceName: "search",
      userJourney: "A shopper searches the catalogue.",
      slis: [
        { name: "availability", kind: "availability", goodQuery: "sum(rate(ok[5m]))", totalQuery: "sum(rate(all[5m]))", objectivePercent: 99.9 },
        { name: "latency", kind: "latency", latencyQuery: "search_duration_seconds_bucket", thresholdMs: 300, objectivePercent: 99 },
      ],
      pageTarget: "search-primary",
      ticketTarget: "SRCH",
    });
  });

  it("requires good and total queries for availability, and a metric and threshold for latency", () => {
    expectIssue(schema, { ...example, slis: [{ ...availability, goodQuery: undefined }] }, ["slis", 0, "goodQuery"], "Enter the query that counts good events");
    expectIssue(schema, { ...example, slis: [{ ...availability, totalQuery: availability.goodQuery }] }, ["slis", 0, "totalQuery"], /always be 100%/);
    expectIssue(schema, { ...example, slis: [{ ...latency, thresholdMs: undefined }] }, ["slis", 0, "thresholdMs"], "Enter the latency threshold");
    expectIssue(schema, { ...example, slis: [{ ...latency, latencyQuery: "" }] }, ["slis", 0, "latencyQuery"], /Enter the latency histogram metric/);
    expectValid(schema, { ...example, slis: [{ ...latency, goodQuery: undefined }] });
  });

  it("shows each SLI's own fields by its kind", () => {
    expect(sliField("goodQuery").showWhen!({ kind: "availability" }, {})).toBe(true);
    expect(sliField("goodQuery").showWhen!({ kind: "latency" }, {})).toBe(false);
    expect(sliField("thresholdMs").showWhen!({ kind: "latency" }, {})).toBe(true);
  });

  it("keeps objectives in range and SLI names unique", () => {
    expectIssue(schema, { ...example, slis: [{ ...availability, objectivePercent: 100 }] }, ["slis", 0, "objectivePercent"], "The objective must be at most 99.999%");
    expectIssue(schema, { ...example, slis: [{ ...availability, objectivePercent: 80 }] }, ["slis", 0, "objectivePercent"], "The objective must be at least 90%");
    expectIssue(schema, { ...example, slis: [availability, availability] }, ["slis", 1, "name"], 'The SLI "checkout-availability" is listed twice');
    expectIssue(schema, { ...example, window: "14d" }, ["window"], "Choose the SLO window");
  });

  it("caps toil at 50% of the rotation's time", () => {
    const toil = [{ task: "Manual failovers", hoursPerWeek: 130, automatable: true }];
    expectIssue(schema, { ...example, toil, onCallRotationSize: 6 }, ["toil"], /Toil takes 54% of the team's time \(130 of 240 hours a week\), above the 50% cap/);
    expectValid(schema, { ...example, toil, onCallRotationSize: 7 });
    expectIssue(schema, { ...example, toil: [example.toil[0], { ...example.toil[0], task: "replay failed payment webhooks" }] }, ["toil", 1, "task"], "This task is listed twice");
  });

  it("needs a rotation of at least two and a freeze threshold in range", () => {
    expectIssue(schema, { ...example, onCallRotationSize: 1 }, ["onCallRotationSize"], "The on-call rotation size must be at least 2");
    expectIssue(schema, { ...example, freezeThresholdPercent: 120 }, ["freezeThresholdPercent"], "The freeze threshold must be at most 100%");
  });
});

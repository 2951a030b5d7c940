import { describe, expect, it } from "vitest";
import { InvalidError } from "@/lib/errors";
import { allowedTransitions, canTransition, incidentStatuses, planTransition, transitionLabel, transitionProblem } from "@/lib/incidents/status";
import type { KeyTimes } from "@/lib/incidents/times";

// The machine written out by hand, so that a change to lib/incidents/status.ts has to be made here too.
const allowed = new Set([
  "TRIAGE→INVESTIGATING",
  "TRIAGE→CANCELLED",
  "INVESTIGATING→IDENTIFIED",
  "INVESTIGATING→MONITORING",
  "INVESTIGATING→RESOLVED",
  "INVESTIGATING→CANCELLED",
  "IDENTIFIED→INVESTIGATING",
  "IDENTIFIED→MONITORING",
  "IDENTIFIED→RESOLVED",
  "IDENTIFIED→CANCELLED",
  "MONITORING→INVESTIGATING",
  "MONITORING→RESOLVED",
  "RESOLVED→INVESTIGATING",
  "RESOLVED→CLOSED",
]);

const now = new Date("2026-11-28T12:00:00Z");
const noTimes: KeyTimes = { impactStartedAt: null, detectedAt: null, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null };
const pairs = incidentStatuses.flatMap((from) => incidentStatuses.map((to) => [from, to] as const));

describe("the incident status machine", () => {
  it("covers all 49 pairs of the seven statuses", () => {
    expect(pairs).toHaveLength(49);
  });

  it.each(pairs.filter(([from, to]) => allowed.has(`${from}→${to}`)))("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transitionProblem(from, to)).toBeNull();
    expect(allowedTransitions(from)).toContain(to);
    expect(planTransition({ status: from, ...noTimes, detectedAt: new Date("2026-11-28T11:00:00Z") }, to, now).to).toBe(to);
  });

  it.each(pairs.filter(([from, to]) => !allowed.has(`${from}→${to}`)))("forbids %s → %s with a 422 that names both statuses", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(allowedTransitions(from)).not.toContain(to);
    let caught: unknown;
    try {
      planTransition({ status: from, ...noTimes }, to, now);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidError);
    const error = caught as InvalidError;
    expect(error.issues[0].path).toEqual(["to"]);
    if (from === to) {
      expect(error.message).toMatch(/already/);
    } else {
      expect(error.message).toContain(`from ${from[0]}${from.slice(1).toLowerCase()} to ${to[0]}${to.slice(1).toLowerCase()}`);
    }
  });

  it("says what is possible instead, or that the status is final", () => {
    expect(transitionProblem("MONITORING", "TRIAGE")).toBe("An incident cannot move from Monitoring to Triage. From Monitoring it can move to: Investigating, Resolved.");
    expect(transitionProblem("CLOSED", "INVESTIGATING")).toBe("An incident cannot move from Closed to Investigating. Closed is final.");
    expect(transitionProblem("CANCELLED", "TRIAGE")).toMatch(/Cancelled is final/);
  });

  it("labels a reopening as such", () => {
    expect(transitionLabel("RESOLVED", "INVESTIGATING")).toBe("Reopen");
    expect(transitionLabel("TRIAGE", "INVESTIGATING")).toBe("Acknowledge and investigate");
    expect(transitionLabel("MONITORING", "INVESTIGATING")).toBe("Back to investigating");
  });
});

describe("what a move does to the key times", () => {
  const detected = new Date("2026-11-28T11:00:00Z");

  it("acknowledges when leaving triage, but not when cancelling", () => {
    expect(planTransition({ status: "TRIAGE", ...noTimes, detectedAt: detected }, "INVESTIGATING", now).times).toEqual({ acknowledgedAt: now });
    expect(planTransition({ status: "TRIAGE", ...noTimes, detectedAt: detected }, "CANCELLED", now).times).toEqual({ closedAt: now });
  });

  it("keeps a time someone entered by hand", () => {
    const acknowledgedAt = new Date("2026-11-28T11:05:00Z");
    expect(planTransition({ status: "TRIAGE", ...noTimes, acknowledgedAt }, "INVESTIGATING", now).times).toEqual({});
    const mitigatedAt = new Date("2026-11-28T11:30:00Z");
    expect(planTransition({ status: "IDENTIFIED", ...noTimes, mitigatedAt }, "RESOLVED", now).times).toEqual({ resolvedAt: now });
  });

  it("sets mitigated on monitoring, and both mitigated and resolved when resolving straight away", () => {
    expect(planTransition({ status: "IDENTIFIED", ...noTimes }, "MONITORING", now).times).toEqual({ mitigatedAt: now });
    expect(planTransition({ status: "INVESTIGATING", ...noTimes }, "RESOLVED", now).times).toEqual({ mitigatedAt: now, resolvedAt: now });
  });

  it("clears mitigation when a fix does not hold, and resolution too on a reopening", () => {
    const mitigatedAt = new Date("2026-11-28T11:30:00Z");
    const resolvedAt = new Date("2026-11-28T11:45:00Z");
    expect(planTransition({ status: "MONITORING", ...noTimes, mitigatedAt }, "INVESTIGATING", now)).toEqual({
      from: "MONITORING",
      to: "INVESTIGATING",
      reopened: false,
      times: { mitigatedAt: null },
    });
    expect(planTransition({ status: "RESOLVED", ...noTimes, mitigatedAt, resolvedAt }, "INVESTIGATING", now)).toEqual({
      from: "RESOLVED",
      to: "INVESTIGATING",
      reopened: true,
      times: { mitigatedAt: null, resolvedAt: null },
    });
  });

  it("closes with a closed time", () => {
    expect(planTransition({ status: "RESOLVED", ...noTimes }, "CLOSED", now).times).toEqual({ closedAt: now });
  });
});

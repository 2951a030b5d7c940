import { describe, expect, it } from "vitest";
import { alertmanagerPayloadSchema, describeAlert, highestSeverity, normalizeAlert, severityFromLabel } from "@/lib/integrations/alertmanager/receiver";
import { alertmanagerPayload } from "@/lib/incidents/test-fixtures";

describe("the Alertmanager payload", () => {
  it("accepts a notification as Alertmanager sends it, extra fields included", () => {
    const parsed = alertmanagerPayloadSchema.parse({ ...alertmanagerPayload(), somethingNew: true });
    expect(parsed.alerts[0].fingerprint).toBe("c6a3b1e0f0d4a2b1");
  });

  it.each([
    ["no alerts", { alerts: [] }, ["alerts"]],
    ["another version", { version: "3" }, ["version"]],
    ["an alert without fingerprint", { alerts: [{ ...alertmanagerPayload().alerts[0], fingerprint: undefined }] }, ["alerts", 0, "fingerprint"]],
    ["an alert without alertname", { alerts: [{ ...alertmanagerPayload().alerts[0], labels: { severity: "critical" } }] }, ["alerts", 0, "labels"]],
    ["a bad time", { alerts: [{ ...alertmanagerPayload().alerts[0], startsAt: "yesterday" }] }, ["alerts", 0, "startsAt"]],
    ["a bad status", { alerts: [{ ...alertmanagerPayload().alerts[0], status: "pending" }] }, ["alerts", 0, "status"]],
    ["a label that is not a string", { alerts: [{ ...alertmanagerPayload().alerts[0], labels: { alertname: "X", replicas: 3 } }] }, ["alerts", 0, "labels", "replicas"]],
  ])("refuses %s, with the path of the problem", (_, change, path) => {
    const result = alertmanagerPayloadSchema.safeParse({ ...alertmanagerPayload(), ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path)).toContainEqual(path);
  });

  it("refuses what is not a notification at all", () => {
    expect(alertmanagerPayloadSchema.safeParse([]).success).toBe(false);
    expect(alertmanagerPayloadSchema.safeParse({ hello: "world" }).success).toBe(false);
  });
});

describe("severity from the severity label", () => {
  it.each([
    ["critical", "SEV2"],
    ["CRITICAL", "SEV2"],
    ["page", "SEV2"],
    ["sev1", "SEV1"],
    ["P1", "SEV1"],
    ["p4", "SEV4"],
    ["high", "SEV3"],
    ["error", "SEV3"],
    ["warning", "SEV4"],
    ["info", "SEV5"],
    ["none", "SEV5"],
    ["whatever", "SEV3"],
    [undefined, "SEV3"],
  ] as const)("%s → %s", (label, severity) => {
    expect(severityFromLabel(label)).toBe(severity);
  });

  it("takes the most severe of several alerts", () => {
    expect(highestSeverity(["SEV4", "SEV2", "SEV3"])).toBe("SEV2");
  });
});

describe("a normalized alert", () => {
  const payload = alertmanagerPayloadSchema.parse(alertmanagerPayload());

  it("takes the title from alertname and summary, the service from its label, and no end while firing", () => {
    expect(normalizeAlert(payload.alerts[0], payload)).toEqual({
      fingerprint: "c6a3b1e0f0d4a2b1",
      alertName: "CheckoutErrorRate",
      status: "firing",
      severity: "SEV2",
      serviceSlug: "checkout-api",
      title: "CheckoutErrorRate: 5xx above 5 % for 5 minutes",
      description: "checkout-api answers 7.2 % 5xx in eu-west-1.",
      labels: { alertname: "CheckoutErrorRate", team: "payments", service: "checkout-api", severity: "critical", namespace: "payments" },
      startsAt: new Date("2026-11-28T09:38:12.123Z"),
      endsAt: null,
      generatorURL: "http://prometheus:9090/graph?g0.expr=rate",
    });
  });

  it("has an end once resolved, and fills in from the common labels", () => {
    const resolved = alertmanagerPayloadSchema.parse(
      alertmanagerPayload({ status: "resolved", alerts: [{ status: "resolved", labels: { alertname: "Up" }, annotations: {}, startsAt: "2026-11-28T09:00:00Z", endsAt: "2026-11-28T09:20:00+01:00", fingerprint: "f1" }] }),
    );
    const alert = normalizeAlert(resolved.alerts[0], { ...resolved, commonLabels: { severity: "warning", service: "Ingress-Gateway" } });
    expect(alert).toMatchObject({ endsAt: new Date("2026-11-28T08:20:00Z"), severity: "SEV4", serviceSlug: "ingress-gateway", title: "Alert Up" });
    expect(describeAlert(alert, "resolved")).toBe("Resolved: Alert Up");
  });
});

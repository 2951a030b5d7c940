// The Alertmanager webhook (payload version 4) as Alertmanager sends it, and the pure rules that turn its
// alerts into incident input: severity from the `severity` label, the service from the `service` label.
import { z } from "zod";
import type { IncidentSeverity } from "@/lib/generated/prisma/browser";
import { incidentSeverities } from "@/lib/incidents/severity";

/** RFC 3339 as Alertmanager writes it (nanoseconds, any offset); "0001-01-01T00:00:00Z" means "not yet". */
const rfc3339 = z
  .string({ error: "Expected an RFC 3339 time" })
  .refine((text) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text)), "Expected an RFC 3339 time");

const labelSet = z.record(z.string(), z.string({ error: "Label values must be strings" }));

export const alertmanagerAlertSchema = z.looseObject({
  status: z.enum(["firing", "resolved"], { error: "An alert's status is firing or resolved" }),
  labels: labelSet.refine((labels) => (labels.alertname ?? "").trim().length > 0, "An alert needs an alertname label"),
  annotations: labelSet.default({}),
  startsAt: rfc3339,
  endsAt: rfc3339.optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string({ error: "Each alert needs its fingerprint" }).trim().min(1, "Each alert needs its fingerprint").max(200),
});

export const alertmanagerPayloadSchema = z
  .looseObject({
    version: z.literal("4", { error: 'Only Alertmanager webhook version "4" is supported' }),
    groupKey: z.string({ error: "groupKey is missing" }),
    truncatedAlerts: z.number().int().min(0).optional(),
    status: z.enum(["firing", "resolved"], { error: "status is firing or resolved" }),
    receiver: z.string({ error: "receiver is missing" }),
    groupLabels: labelSet.default({}),
    commonLabels: labelSet.default({}),
    commonAnnotations: labelSet.default({}),
    externalURL: z.string().optional(),
    alerts: z.array(alertmanagerAlertSchema, { error: "alerts must be a list" }).min(1, "The notification has no alerts").max(1000, "At most 1,000 alerts per notification"),
  })
  .meta({ id: "AlertmanagerWebhook", description: "Alertmanager's webhook_config payload, version 4, as Alertmanager sends it." });
export type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>;

/**
 * The `severity` label to a severity. Alerting rules rarely say more than critical/warning/info, and a page
 * from a machine is not yet an org-wide SEV1 (a person raises it), so: sev1/p1 → SEV1; critical, page,
 * sev2/p2 → SEV2; high, major, error, sev3/p3 → SEV3; warning, medium, sev4/p4 → SEV4; info, low, none,
 * sev5/p5 → SEV5. A missing or unknown label is SEV3, so it is looked at during the day.
 */
export function severityFromLabel(label: string | undefined): IncidentSeverity {
  const value = (label ?? "").trim().toLowerCase();
  const direct = /^(?:sev|p)([1-5])$/.exec(value);
  if (direct) return incidentSeverities[Number(direct[1]) - 1];
  if (["critical", "page", "emergency", "disaster"].includes(value)) return "SEV2";
  if (["high", "major", "error"].includes(value)) return "SEV3";
  if (["warning", "warn", "medium", "minor"].includes(value)) return "SEV4";
  if (["info", "informational", "low", "none", "notice"].includes(value)) return "SEV5";
  return "SEV3";
}

export function highestSeverity(severities: IncidentSeverity[]): IncidentSeverity {
  return [...severities].sort()[0] ?? "SEV3";
}

export interface NormalizedAlert {
  fingerprint: string;
  alertName: string;
  status: "firing" | "resolved";
  severity: IncidentSeverity;
  /** The `service` label, as a slug to look up in the team's catalog. */
  serviceSlug: string | null;
  title: string;
  description: string;
  labels: Record<string, string>;
  startsAt: Date;
  /** Null while firing (Alertmanager sends the zero time, or a time in the future). */
  endsAt: Date | null;
  generatorURL: string | null;
}

const ZERO_TIME = Date.parse("0001-01-01T00:00:00Z");

/** One alert in the shape the portal uses: common labels and annotations fill in what the alert lacks. */
export function normalizeAlert(alert: AlertmanagerPayload["alerts"][number], payload: Pick<AlertmanagerPayload, "commonLabels" | "commonAnnotations">): NormalizedAlert {
  const labels = { ...payload.commonLabels, ...alert.labels };
  const annotations = { ...payload.commonAnnotations, ...alert.annotations };
  const alertName = labels.alertname.trim();
  const summary = (annotations.summary ?? annotations.title ?? "").trim();
  const title = (summary ? `${alertName}: ${summary}` : alertName).slice(0, 160);
  const endsAtMs = alert.endsAt ? Date.parse(alert.endsAt) : ZERO_TIME;
  return {
    fingerprint: alert.fingerprint.trim(),
    alertName,
    status: alert.status,
    severity: severityFromLabel(labels.severity),
    serviceSlug: labels.service?.trim().toLowerCase() || null,
    title: title.length >= 3 ? title : `Alert ${title}`,
    description: (annotations.description ?? annotations.message ?? "").trim().slice(0, 5000),
    labels,
    startsAt: new Date(Date.parse(alert.startsAt)),
    endsAt: alert.status === "resolved" && endsAtMs > ZERO_TIME ? new Date(endsAtMs) : null,
    generatorURL: alert.generatorURL?.trim() || null,
  };
}

/** The timeline text of an alert event. */
export function describeAlert(alert: NormalizedAlert, change: "firing" | "refiring" | "resolved"): string {
  const what = change === "resolved" ? "Resolved" : change === "refiring" ? "Firing again" : "Firing";
  return alert.description ? `${what}: ${alert.title}. ${alert.description}` : `${what}: ${alert.title}`;
}

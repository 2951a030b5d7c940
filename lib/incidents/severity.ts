// Incident severities SEV1–SEV5 with the org-wide descriptions shown wherever a severity is chosen.
import type { IncidentSeverity } from "@/lib/generated/prisma/browser";

export const incidentSeverities = ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"] as const satisfies readonly IncidentSeverity[];

export interface SeverityDefinition {
  label: string;
  /** One word for the level, e.g. "Critical". */
  name: string;
  /** What the level means, the same for every team. */
  description: string;
  /** SEV1 and SEV2 are major incidents: a commander is expected at once and communications go out. */
  major: boolean;
}

export const severityDefinitions: Record<IncidentSeverity, SeverityDefinition> = {
  SEV1: {
    label: "SEV1",
    name: "Critical",
    description: "Complete outage, data loss or a confirmed security breach affecting most customers. All hands; leadership and customers are informed.",
    major: true,
  },
  SEV2: {
    label: "SEV2",
    name: "High",
    description: "A core feature is down or badly degraded for many customers, or an error budget is burning fast. A commander runs it now.",
    major: true,
  },
  SEV3: {
    label: "SEV3",
    name: "Moderate",
    description: "Partial degradation with a workaround, or a small set of customers affected. Handled by the owning team during the day.",
    major: false,
  },
  SEV4: {
    label: "SEV4",
    name: "Minor",
    description: "Little or no customer impact: an internal tool or a redundant component is degraded.",
    major: false,
  },
  SEV5: {
    label: "SEV5",
    name: "Low",
    description: "No customer impact: a near miss or a cosmetic fault worth recording and learning from.",
    major: false,
  },
};

export function isMajorSeverity(severity: IncidentSeverity): boolean {
  return severityDefinitions[severity].major;
}

/** The status tone a severity is drawn in: major is critical, SEV3 a warning, the rest neutral. */
export function severityTone(severity: IncidentSeverity): "critical" | "warning" | "neutral" {
  if (isMajorSeverity(severity)) return "critical";
  return severity === "SEV3" ? "warning" : "neutral";
}

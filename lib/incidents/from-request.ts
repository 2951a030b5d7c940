// Declaring an incident from an incident-responder or devops-incident-responder request: the quick declare
// form's prefilled answers, and the runbook attached to the incident from the request's stored artifacts.
// Pure.
import type { IncidentSeverity } from "@/lib/generated/prisma/browser";
import type { RoleKey } from "@/lib/agents/types";
import { symptomChoice } from "@/lib/agents/devops-incident-responder/schema";

/** The roles whose requests can declare an incident. */
export const incidentRequestRoles = ["incident-responder", "devops-incident-responder"] as const satisfies readonly RoleKey[];
export type IncidentRequestRole = (typeof incidentRequestRoles)[number];

export function isIncidentRequestRole(role: string): role is IncidentRequestRole {
  return (incidentRequestRoles as readonly string[]).includes(role);
}

export interface DeclareDefaults {
  title: string;
  severity: IncidentSeverity;
  type: "OPERATIONAL" | "SECURITY";
  customerImpact: boolean;
  summary: string;
  /** Slugs of the team's services that the request names. */
  services: string[];
}

const titleMax = 160;

/** The answers of a revision, read defensively: a stored revision passed its schema, but as plain JSON. */
type Answers = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" ? value : "");
const list = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

/**
 * The quick declare form's answers from a request. incident-responder: its severity (sev1–sev4), type,
 * summary and affected systems; devops-incident-responder: SEV2 for an outage, SEV3 otherwise, its impact
 * and service. Only names that are slugs of the team's services are kept as affected services.
 */
export function declareDefaultsFromRequest(role: IncidentRequestRole, answers: unknown, requestTitle: string, teamServiceSlugs: readonly string[]): DeclareDefaults {
  const input = (answers && typeof answers === "object" ? answers : {}) as Answers;
  const known = new Set(teamServiceSlugs);
  const services = (names: string[]) => [...new Set(names.map((name) => name.trim().toLowerCase()).filter((name) => known.has(name)))];
  const title = (requestTitle.trim() || "Incident").slice(0, titleMax);
  if (role === "incident-responder") {
    const severity = /^sev[1-4]$/.test(text(input.severity)) ? (text(input.severity).toUpperCase() as IncidentSeverity) : "SEV3";
    return {
      title,
      severity,
      type: input.incidentType === "security" ? "SECURITY" : "OPERATIONAL",
      customerImpact: list(input.audiences).includes("customers"),
      summary: text(input.summary),
      services: services(list(input.affectedSystems)),
    };
  }
  const symptom = text(input.symptom);
  const symptomLabel = symptom && (symptomChoice.values as readonly string[]).includes(symptom) ? symptomChoice.label(symptom as (typeof symptomChoice.values)[number]) : "";
  return {
    title,
    severity: symptom === "outage" ? "SEV2" : "SEV3",
    type: "OPERATIONAL",
    customerImpact: input.environment === "production",
    summary: [symptomLabel && `${symptomLabel} on ${text(input.service)}.`, text(input.impact)].filter(Boolean).join(" "),
    services: services([text(input.service)]),
  };
}

/** The artifacts a runbook is made of: the role's Markdown runbooks and plans, in the generator's order. */
export function runbookArtifacts<T extends { kind: string; mediaType: string }>(artifacts: readonly T[]): T[] {
  return artifacts.filter((artifact) => artifact.mediaType.startsWith("text/markdown") && (artifact.kind === "runbook" || artifact.kind === "plan"));
}

/**
 * One Markdown document from the runbook artifacts. Several are joined with rules between them; one that
 * does not open with a heading gets its file name as one, so every part is findable in the collapsed view.
 */
export function runbookMarkdownOf(artifacts: readonly { path: string; kind: string; mediaType: string; content: string }[]): string | undefined {
  const parts = runbookArtifacts(artifacts);
  if (parts.length === 0) return undefined;
  return parts
    .map((artifact) => {
      const content = artifact.content.trim();
      return /^#{1,6}\s/.test(content) ? content : `# ${artifact.path.replace(/[\\`*_[\]#<>]/g, (character) => `\\${character}`)}\n\n${content}`;
    })
    .join("\n\n---\n\n");
}

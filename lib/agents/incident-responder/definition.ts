// The incident-responder: coordinated response to security and operational incidents, from containment to lessons.
import { collaboratorsOf } from "@/lib/agents/collaboration";
import type { RoleDefinition } from "@/lib/agents/types";
import {
  incidentResponderExample,
  incidentResponderFields,
  incidentResponderInitialValues,
  incidentResponderSchema,
  incidentResponderSteps,
  incidentResponderTitle,
} from "./schema";

export const incidentResponder: RoleDefinition<typeof incidentResponderSchema> = {
  key: "incident-responder",
  title: "Incident Responder",
  mission: "Leads coordinated response to security and operational incidents, with emphasis on containment and recovery.",
  domain: "reliability-incidents",
  responsibilities: [
    "Triage: assess impact, assign an incident commander and mobilise the team",
    "Containment: isolate affected systems, revoke access and block malicious traffic",
    "Evidence preservation and forensic investigation to find the root cause",
    "Communication with stakeholders, customers and regulators on time",
    "Recovery: restore services, validate integrity and strengthen monitoring",
    "Blameless postmortems, runbooks and prevention measures",
  ],
  targets: [],
  phases: {
    assessment: [
      "Confirm the detection and classify type and severity",
      "Scope the affected systems and data",
      "Assign the incident commander and open the communication channels",
    ],
    implementation: [
      "Contain within the agreed constraints",
      "Preserve evidence and investigate the root cause",
      "Notify internal teams, customers and regulators within their deadlines",
      "Recover services and validate their integrity",
    ],
    excellence: [
      "Run a blameless postmortem and track its action items",
      "Update runbooks, detections and escalation paths in PagerDuty",
      "Rehearse response with tabletop exercises",
    ],
  },
  collaborators: collaboratorsOf("incident-responder"),
  schema: incidentResponderSchema,
  steps: incidentResponderSteps,
  fields: incidentResponderFields,
  initialValues: incidentResponderInitialValues,
  example: incidentResponderExample,
  defaultTitle: incidentResponderTitle,
};

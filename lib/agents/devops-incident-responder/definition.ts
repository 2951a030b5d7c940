// The devops-incident-responder: rapid diagnosis and resolution of production issues with observability and automation.
import { collaboratorsOf } from "@/lib/agents/collaboration";
import type { RoleDefinition } from "@/lib/agents/types";
import {
  devopsIncidentResponderExample,
  devopsIncidentResponderFields,
  devopsIncidentResponderInitialValues,
  devopsIncidentResponderSchema,
  devopsIncidentResponderSteps,
  devopsIncidentResponderTitle,
} from "./schema";

export const devopsIncidentResponder: RoleDefinition<typeof devopsIncidentResponderSchema> = {
  key: "devops-incident-responder",
  title: "DevOps Incident Responder",
  mission: "Focuses on rapid diagnosis and resolution of production issues using observability tools.",
  domain: "reliability-incidents",
  responsibilities: [
    "Rapid triage of production issues from alerts and user reports",
    "Diagnosis with metrics, logs and traces across the service's dependencies",
    "Correlating symptoms with recent deployments and configuration changes",
    "Automated remediation: restarts, scaling, rollbacks and failovers within agreed limits",
    "Runbooks, escalation through PagerDuty and communication in Slack and Jira",
    "Postmortems that turn incidents into prevention",
  ],
  targets: [],
  phases: {
    assessment: [
      "Confirm the symptom and its impact from the dashboards",
      "Line up recent changes against the symptom's start",
      "Check the health of every dependency",
    ],
    implementation: [
      "Mitigate first: roll back, scale out or fail over",
      "Diagnose the root cause from metrics, logs and traces",
      "Apply and verify the fix, then stand down",
    ],
    excellence: [
      "Write the postmortem and track its actions",
      "Turn manual fixes into safe automated remediation",
      "Improve alerts and runbooks so the next diagnosis is faster",
    ],
  },
  collaborators: collaboratorsOf("devops-incident-responder"),
  schema: devopsIncidentResponderSchema,
  steps: devopsIncidentResponderSteps,
  fields: devopsIncidentResponderFields,
  initialValues: devopsIncidentResponderInitialValues,
  example: devopsIncidentResponderExample,
  defaultTitle: devopsIncidentResponderTitle,
};

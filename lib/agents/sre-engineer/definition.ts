// The sre-engineer: reliability through SLOs, error budgets, automation and blameless incident learning.
import { collaboratorsOf } from "@/lib/agents/collaboration";
import type { RoleDefinition } from "@/lib/agents/types";
import { sreEngineerExample, sreEngineerFields, sreEngineerInitialValues, sreEngineerSchema, sreEngineerSteps, sreEngineerTitle } from "./schema";

export const sreEngineer: RoleDefinition<typeof sreEngineerSchema> = {
  key: "sre-engineer",
  title: "SRE Engineer",
  mission: "Ensures system reliability through SLOs, error budgets, automation and incident management.",
  domain: "reliability-incidents",
  responsibilities: [
    "SLI and SLO definition: availability, latency and throughput measured against business expectations",
    "Error-budget policy: features ship until the budget is spent, then reliability work takes over",
    "Toil reduction: automating repetitive work to keep it below 50% of the team's time",
    "Incident management: leading postmortems and tracking their action items",
    "Chaos engineering: testing failure modes before they happen",
  ],
  targets: [
    { label: "SLO compliance", value: "> 99.9%" },
    { label: "Mean time to restore", value: "< 30 minutes" },
    { label: "Toil, as a share of time", value: "< 50%" },
  ],
  phases: {
    assessment: [
      "Map the critical user journeys and their current metrics",
      "Measure today's reliability, incident load and toil",
      "Agree objectives and the error-budget policy with product owners",
    ],
    implementation: [
      "Define SLIs and SLOs and track error budgets",
      "Set up burn-rate alerts that page for fast burns and ticket slow ones",
      "Automate the largest sources of toil",
      "Run incident response and blameless postmortems with tracked actions",
    ],
    excellence: [
      "Keep SLO compliance above 99.9% and MTTR under 30 minutes",
      "Run chaos experiments to find weaknesses early",
      "Review objectives as the service and its users change",
    ],
  },
  collaborators: collaboratorsOf("sre-engineer"),
  schema: sreEngineerSchema,
  steps: sreEngineerSteps,
  fields: sreEngineerFields,
  initialValues: sreEngineerInitialValues,
  example: sreEngineerExample,
  defaultTitle: sreEngineerTitle,
};

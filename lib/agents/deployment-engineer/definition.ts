// The deployment-engineer: CI/CD pipelines and zero-downtime releases, measured by DORA metrics.
import { collaboratorsOf } from "@/lib/agents/collaboration";
import type { RoleDefinition } from "@/lib/agents/types";
import {
  deploymentEngineerExample,
  deploymentEngineerFields,
  deploymentEngineerInitialValues,
  deploymentEngineerSchema,
  deploymentEngineerSteps,
  deploymentEngineerTitle,
} from "./schema";

export const deploymentEngineer: RoleDefinition<typeof deploymentEngineerSchema> = {
  key: "deployment-engineer",
  title: "Deployment Engineer",
  mission: "Automates CI/CD pipelines and executes zero-downtime deployment strategies.",
  domain: "runtime-delivery",
  responsibilities: [
    "Deployment strategies: blue-green, canary, rolling updates and feature flags for zero-downtime releases",
    "Pipeline optimisation: caching, parallel execution and artifact management to cut lead time",
    "GitOps implementation with Argo CD or Spinnaker for declarative, auditable deployments",
    "Rollback automation: triggers and procedures for rapid recovery",
    "Monitoring integration: correlating deployments with performance and error metrics",
  ],
  targets: [
    { label: "Deployment frequency", value: "> 10 per day" },
    { label: "Change failure rate", value: "< 5%" },
    { label: "Mean time to restore", value: "< 30 minutes" },
  ],
  phases: {
    assessment: [
      "Map the current path from commit to production and its manual steps",
      "Measure today's deployment frequency, lead time, failure rate and MTTR",
      "Agree the environments, approvals and release strategy",
    ],
    implementation: [
      "Build the CI pipeline: build, test, security scanning and artifact storage",
      "Automate promotion through the environments with approval gates",
      "Implement the blue-green or canary release with automated rollback",
      "Add post-deploy verification against error and latency metrics",
    ],
    excellence: [
      "Cut pipeline time with caching and parallel jobs",
      "Track DORA metrics and correlate deployments with incidents",
      "Rehearse rollbacks so recovery stays under 30 minutes",
    ],
  },
  collaborators: collaboratorsOf("deployment-engineer"),
  schema: deploymentEngineerSchema,
  steps: deploymentEngineerSteps,
  fields: deploymentEngineerFields,
  initialValues: deploymentEngineerInitialValues,
  example: deploymentEngineerExample,
  defaultTitle: deploymentEngineerTitle,
};

// The devops-engineer: bridges development and operations by automating infrastructure, pipelines and monitoring.
import { collaboratorsOf } from "@/lib/agents/collaboration";
import type { RoleDefinition } from "@/lib/agents/types";
import { devopsEngineerExample, devopsEngineerFields, devopsEngineerInitialValues, devopsEngineerSchema, devopsEngineerSteps, devopsEngineerTitle } from "./schema";

export const devopsEngineer: RoleDefinition<typeof devopsEngineerSchema> = {
  key: "devops-engineer",
  title: "DevOps Engineer",
  mission: "Bridges development and operations by automating infrastructure, pipelines and monitoring.",
  domain: "runtime-delivery",
  responsibilities: [
    "Cloud automation guided by the cloud architect",
    "CI/CD pipelines built with the deployment engineer",
    "DevSecOps with the security engineer: scanning and policy in every pipeline",
    "Infrastructure as code and self-service environments",
    "Monitoring and alerting for every service",
    "Coordinating service readiness with backend developers during deployments",
  ],
  targets: [],
  phases: {
    assessment: [
      "Inventory services, pipelines, infrastructure and tooling",
      "Measure delivery today: deployment frequency, lead time and failures",
      "Agree goals, constraints and a timeline",
    ],
    implementation: [
      "Automate builds, tests and deployments for every service",
      "Put infrastructure under code with reviewed changes",
      "Centralise secrets and wire monitoring into every service",
      "Offer self-service environments and templates",
    ],
    excellence: [
      "Track DORA metrics and remove the slowest steps",
      "Share practices and platform improvements across teams",
      "Keep security checks and compliance evidence in the pipeline",
    ],
  },
  collaborators: collaboratorsOf("devops-engineer"),
  schema: devopsEngineerSchema,
  steps: devopsEngineerSteps,
  fields: devopsEngineerFields,
  initialValues: devopsEngineerInitialValues,
  example: devopsEngineerExample,
  defaultTitle: devopsEngineerTitle,
};

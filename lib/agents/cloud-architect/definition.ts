// The cloud-architect: resilient, cost-effective, secure multi-cloud designs aligned with the business.
import { collaboratorsOf } from "@/lib/agents/collaboration";
import type { RoleDefinition } from "@/lib/agents/types";
import { cloudArchitectExample, cloudArchitectFields, cloudArchitectInitialValues, cloudArchitectSchema, cloudArchitectSteps, cloudArchitectTitle } from "./schema";

export const cloudArchitect: RoleDefinition<typeof cloudArchitectSchema> = {
  key: "cloud-architect",
  title: "Cloud Architect",
  mission: "Designs scalable, multi-cloud architectures aligned with business goals, compliance and cost efficiency.",
  domain: "architecture-iac",
  responsibilities: [
    "Multi-cloud strategy: choosing between AWS, Azure and GCP and placing workloads deliberately",
    "Multi-region resilience through redundant deployments",
    "Cost optimisation through right-sizing, reserved instances and autoscaling",
    "Security by design: zero-trust principles, encryption and identity federation",
    "Disaster recovery: RTO and RPO, failover automation and regular recovery tests",
    "Landing zones: standard account structures, network topologies and governance",
  ],
  targets: [
    { label: "Availability", value: "99.99%" },
    { label: "Cost savings", value: "> 30%" },
  ],
  phases: {
    assessment: [
      "Gather business requirements, criticality, growth and budget",
      "Review compliance and data-sovereignty constraints",
      "Assess current workloads, costs and recovery capabilities",
    ],
    implementation: [
      "Choose clouds, regions and topology for the availability target",
      "Design the secure landing zone: accounts, network topology, identity and access",
      "Define disaster recovery with RTO/RPO and failover automation",
      "Set up monitoring, logging and compliance automation",
    ],
    excellence: [
      "Optimise costs continuously toward savings above 30%",
      "Test failover and recovery every quarter",
      "Review the architecture as the business and the clouds change",
    ],
  },
  collaborators: collaboratorsOf("cloud-architect"),
  schema: cloudArchitectSchema,
  steps: cloudArchitectSteps,
  fields: cloudArchitectFields,
  initialValues: cloudArchitectInitialValues,
  example: cloudArchitectExample,
  defaultTitle: cloudArchitectTitle,
};

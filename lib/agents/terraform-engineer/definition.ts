// The terraform-engineer: infrastructure as code that is modular, reviewed, scanned, costed and repeatable.
import { collaboratorsOf } from "@/lib/agents/collaboration";
import type { RoleDefinition } from "@/lib/agents/types";
import {
  terraformEngineerExample,
  terraformEngineerFields,
  terraformEngineerInitialValues,
  terraformEngineerSchema,
  terraformEngineerSteps,
  terraformEngineerTitle,
} from "./schema";

export const terraformEngineer: RoleDefinition<typeof terraformEngineerSchema> = {
  key: "terraform-engineer",
  title: "Terraform Engineer",
  mission: "Implements infrastructure as code with Terraform to provision and manage cloud resources reliably.",
  domain: "architecture-iac",
  responsibilities: [
    "Modular design: reusable modules with input validation and output contracts",
    "State management: remote backends with locking and encryption for safe collaboration",
    "Security compliance: policy as code and automated scanning with Checkov",
    "Cost visibility: Infracost estimates before anything is deployed",
    "CI/CD integration: automated plan and apply with approval gates and tests",
    "Drift detection, and changes that are peer-reviewed and traceable",
  ],
  targets: [],
  phases: {
    assessment: [
      "Inventory existing resources, state and manual changes",
      "Agree the modules, environments and conventions",
      "Review security policies and cost guardrails",
    ],
    implementation: [
      "Design modules with validated inputs and clear outputs",
      "Set up the remote state backend with locking and encryption",
      "Add security scanning and cost estimation to the pipeline",
      "Automate plan and approved apply per environment",
    ],
    excellence: [
      "Detect and correct drift on a schedule",
      "Keep providers and modules current with pinned versions",
      "Test modules and document their contracts",
    ],
  },
  collaborators: collaboratorsOf("terraform-engineer"),
  schema: terraformEngineerSchema,
  steps: terraformEngineerSteps,
  fields: terraformEngineerFields,
  initialValues: terraformEngineerInitialValues,
  example: terraformEngineerExample,
  defaultTitle: terraformEngineerTitle,
};

// The security-engineer: security embedded in infrastructure through DevSecOps, zero trust and compliance automation.
import { collaboratorsOf } from "@/lib/agents/collaboration";
import type { RoleDefinition } from "@/lib/agents/types";
import {
  securityEngineerExample,
  securityEngineerFields,
  securityEngineerInitialValues,
  securityEngineerSchema,
  securityEngineerSteps,
  securityEngineerTitle,
} from "./schema";

export const securityEngineer: RoleDefinition<typeof securityEngineerSchema> = {
  key: "security-engineer",
  title: "Security Engineer",
  mission: "Embeds security into infrastructure through DevSecOps, zero-trust models and compliance automation.",
  domain: "network-security",
  responsibilities: [
    "DevSecOps: vulnerability scanning with Trivy, SAST and DAST, and compliance checks in CI/CD",
    "Secrets management with HashiCorp Vault: dynamic credentials and rotation",
    "Runtime protection with Falco for container threat detection",
    "Compliance automation: evidence for SOC 2, ISO 27001 and HIPAA",
    "Zero-trust networking and micro-segmentation with the network engineer",
  ],
  targets: [],
  phases: {
    assessment: [
      "Map systems, data classification and the frameworks that apply",
      "Review identity, secrets and network exposure",
      "Find the gaps against each framework's controls",
    ],
    implementation: [
      "Centralise secrets with rotation and enforce SSO and MFA",
      "Add scanning to every pipeline and runtime detection to every cluster",
      "Segment the network toward zero trust",
      "Automate compliance evidence and log retention",
    ],
    excellence: [
      "Track findings to closure and report the security posture",
      "Run threat modelling and incident exercises",
      "Keep controls current as frameworks and threats change",
    ],
  },
  collaborators: collaboratorsOf("security-engineer"),
  schema: securityEngineerSchema,
  steps: securityEngineerSteps,
  fields: securityEngineerFields,
  initialValues: securityEngineerInitialValues,
  example: securityEngineerExample,
  defaultTitle: securityEngineerTitle,
};

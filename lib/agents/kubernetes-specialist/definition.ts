// The kubernetes-specialist: production-grade clusters and workloads, secure and efficiently used.
import { collaboratorsOf } from "@/lib/agents/collaboration";
import type { RoleDefinition } from "@/lib/agents/types";
import {
  kubernetesSpecialistExample,
  kubernetesSpecialistFields,
  kubernetesSpecialistInitialValues,
  kubernetesSpecialistSchema,
  kubernetesSpecialistSteps,
  kubernetesSpecialistTitle,
} from "./schema";

export const kubernetesSpecialist: RoleDefinition<typeof kubernetesSpecialistSchema> = {
  key: "kubernetes-specialist",
  title: "Kubernetes Specialist",
  mission: "Manages containerized workloads, cluster operations and cloud-native application orchestration.",
  domain: "runtime-delivery",
  responsibilities: [
    "Cluster architecture: control planes, node pools and upgrade strategies",
    "Workload management with Deployments, StatefulSets and Jobs for reliable scheduling",
    "Security hardening: Pod Security Standards, RBAC, network policies and OPA policies",
    "Observability: metrics, logging and tracing for clusters and applications",
    "GitOps workflows with Argo CD or Flux for declarative, version-controlled deployments",
  ],
  targets: [
    { label: "Cluster resource utilisation", value: "> 70%" },
    { label: "CIS Kubernetes Benchmark", value: "Compliant" },
  ],
  phases: {
    assessment: [
      "Review the application's runtime needs: ports, state, resources and dependencies",
      "Check the cluster's capacity, node pools and security posture against CIS benchmarks",
      "Agree availability needs: replicas, zones and disruption tolerance",
    ],
    implementation: [
      "Write the workload manifests: Deployment or StatefulSet, Service, Ingress and autoscaler",
      "Apply security policies: Pod Security Standards, RBAC and network policies",
      "Wire configuration and secrets, probes and a PodDisruptionBudget",
      "Deliver through GitOps sync with Argo CD or Flux",
    ],
    excellence: [
      "Right-size requests from observed usage to keep utilisation above 70%",
      "Monitor workloads with metrics, logs and traces",
      "Rehearse upgrades and node drains without downtime",
    ],
  },
  collaborators: collaboratorsOf("kubernetes-specialist"),
  schema: kubernetesSpecialistSchema,
  steps: kubernetesSpecialistSteps,
  fields: kubernetesSpecialistFields,
  initialValues: kubernetesSpecialistInitialValues,
  example: kubernetesSpecialistExample,
  defaultTitle: kubernetesSpecialistTitle,
};

// Test helper: validates generated Kubernetes manifests against the API schemas of kubernetes-models
// (Kubernetes 1.33) and the CRD schemas of Argo CD, Argo Rollouts and Flux. Throws with the JSON-schema
// path of the first problem; an unknown apiVersion/kind fails too, so nothing slips through unchecked.
import { Application } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1";
import { AnalysisTemplate, Rollout } from "@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1";
import { Kustomization } from "@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1";
import { GitRepository } from "@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1";
import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Ingress, NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { Namespace, Service, ServiceAccount } from "kubernetes-models/v1";
import { parseAllDocuments } from "yaml";
import { isKubernetesName, type KubernetesNameKind } from "@/lib/agents/shared/kubernetes-names";

type Validating = new (data: never) => { validate(): void };

const models: Record<string, Validating> = {
  "v1/Namespace": Namespace,
  "v1/ServiceAccount": ServiceAccount,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "apps/v1/StatefulSet": StatefulSet,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
  "networking.k8s.io/v1/Ingress": Ingress,
  "argoproj.io/v1alpha1/Application": Application,
  "argoproj.io/v1alpha1/Rollout": Rollout,
  "argoproj.io/v1alpha1/AnalysisTemplate": AnalysisTemplate,
  "kustomize.toolkit.fluxcd.io/v1/Kustomization": Kustomization,
  "source.toolkit.fluxcd.io/v1/GitRepository": GitRepository,
};

/** The `apiVersion/kind` of every manifest in a YAML stream, after validating each one. */
export function validateManifests(yamlText: string): string[] {
  return parseAllDocuments(yamlText as string).flatMap((document) => {
    const manifest = document.toJS() as { apiVersion?: string; kind?: string } | null;
    if (!manifest) return [];
    const key = `${manifest.apiVersion}/${manifest.kind}`;
    const Model = models[key];
    if (!Model) throw new Error(`No schema to validate ${key} against`);
    new Model(manifest as never).validate();
    return [key];
  });
}

/** Kinds whose metadata.name is a DNS-1035 or DNS-1123 label rather than a subdomain. */
const nameKinds: Record<string, KubernetesNameKind> = { Service: "dns1035Label", Namespace: "dns1123Label" };

/**
 * The name rules the API server applies and the JSON schemas of kubernetes-models do not: object names by
 * kind, label keys' values, port names, and memory quantities (kilo is `k`). One problem per broken name.
 */
export function kubernetesNameProblems(yamlText: string): string[] {
  const problems: string[] = [];
  const check = (kind: KubernetesNameKind, value: unknown, where: string) => {
    if (typeof value !== "string" || !isKubernetesName(kind, value)) problems.push(`${where}: ${JSON.stringify(value)} is not a valid ${kind}`);
  };
  const walk = (value: unknown, path: string, visit: (key: string, item: unknown, at: string) => void) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`, visit));
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        visit(key, item, `${path}.${key}`);
        walk(item, `${path}.${key}`, visit);
      }
    }
  };
  for (const document of parseAllDocuments(yamlText)) {
    const manifest = document.toJS() as { kind?: string; metadata?: { name?: string; namespace?: string } } | null;
    if (!manifest?.kind) continue;
    const at = `${manifest.kind}/${manifest.metadata?.name}`;
    // A kustomization.yaml (kustomize.config.k8s.io) is a build file with no object name.
    if (manifest.metadata !== undefined) check(nameKinds[manifest.kind] ?? "dns1123Subdomain", manifest.metadata.name, `${at} metadata.name`);
    if (manifest.metadata?.namespace !== undefined) check("dns1123Label", manifest.metadata.namespace, `${at} metadata.namespace`);
    walk(manifest, at, (key, item, where) => {
      if ((key === "labels" || key === "matchLabels") && item && typeof item === "object") {
        for (const [label, value] of Object.entries(item)) check("labelValue", value, `${where}.${label}`);
      }
      if (key === "ports" && Array.isArray(item)) {
        item.forEach((port: { name?: unknown }, index) => port.name !== undefined && check("portName", port.name, `${where}[${index}].name`));
      }
      if (key === "memory" && typeof item === "string" && !/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/.test(item)) problems.push(`${where}: memory ${item}`);
    });
  }
  return problems;
}

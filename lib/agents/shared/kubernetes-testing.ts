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

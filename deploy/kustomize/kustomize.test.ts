// Renders each overlay with `kubectl kustomize` and validates every object against the Kubernetes API
// schemas (kubernetes-models), then checks what the deployment promises: two web replicas at least, the
// worker and the migration Job from the same image, probes, requests and limits, a restricted security
// context on every container, secrets only by reference. Skipped (with a note) where kubectl is missing.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Job } from "kubernetes-models/batch/v1";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Namespace, Secret, Service, ServiceAccount } from "kubernetes-models/v1";
import { parseAllDocuments } from "yaml";

type Validating = new (data: never) => { validate(): void };
const models: Record<string, Validating> = {
  "v1/Namespace": Namespace,
  "v1/ServiceAccount": ServiceAccount,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "networking.k8s.io/v1/Ingress": Ingress,
};

interface Container {
  name: string;
  image: string;
  args?: string[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { runAsNonRoot?: boolean; readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; capabilities?: { drop?: string[] } };
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string } } }[];
}
interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean };
  automountServiceAccountToken?: boolean;
  containers: Container[];
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: { replicas?: number; minReplicas?: number; template?: { spec: PodSpec }; rules?: { host: string }[] };
  data?: Record<string, string>;
}

const kubectl = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" });
const hasKubectl = !kubectl.error && kubectl.status === 0;

function render(overlay: string): K8sObject[] {
  const result = spawnSync("kubectl", ["kustomize", path.resolve(import.meta.dirname, "overlays", overlay)], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`kubectl kustomize ${overlay} failed: ${result.stderr}`);
  return parseAllDocuments(result.stdout).map((document) => document.toJS() as K8sObject);
}

const find = (objects: K8sObject[], kind: string, namePrefix: string) => objects.find((object) => object.kind === kind && object.metadata.name.startsWith(namePrefix));

describe.skipIf(!hasKubectl)("the Kubernetes manifests (kubectl kustomize)", () => {
  for (const overlay of ["dev", "production"]) {
    describe(`overlay ${overlay}`, () => {
      const objects = hasKubectl ? render(overlay) : [];

      it("renders only objects that validate against the Kubernetes schemas", () => {
        const kinds = objects.map((object) => {
          const key = `${object.apiVersion}/${object.kind}`;
          const Model = models[key];
          expect(Model, `no schema for ${key}`).toBeDefined();
          // kustomize folds long base64 values over lines; the API server's decoder skips newlines, the schema's format check does not.
          const normalized = object.kind === "Secret" ? { ...object, data: Object.fromEntries(Object.entries(object.data ?? {}).map(([key, value]) => [key, value.replace(/\s+/g, "")])) } : object;
          new Model(normalized as never).validate();
          return object.kind;
        });
        expect(new Set(kinds)).toEqual(new Set(["Namespace", "ServiceAccount", "ConfigMap", "Service", "Deployment", "Job", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress", ...(overlay === "dev" ? ["Secret"] : [])]));
        expect(objects.every((object) => object.kind === "Namespace" || object.metadata.namespace === (overlay === "dev" ? "portal-dev" : "portal"))).toBe(true);
      });

      it("runs the web server on two replicas or more, the worker and the migration Job from one image", () => {
        const web = find(objects, "Deployment", "portal-web")!;
        const worker = find(objects, "Deployment", "portal-worker")!;
        const job = find(objects, "Job", "portal-migrate")!;
        expect(web.spec!.replicas).toBeGreaterThanOrEqual(2);
        expect(find(objects, "HorizontalPodAutoscaler", "portal-web")!.spec!.minReplicas).toBeGreaterThanOrEqual(2);
        const images = new Set([web, worker, job].map((object) => object.spec!.template!.spec.containers[0].image));
        expect(images.size).toBe(1);
        expect([...images][0]).toMatch(overlay === "dev" ? /^platform-portal:dev$/ : /^registry\.example\.com\/platform\/portal:1\.0\.0$/);
        expect(web.spec!.template!.spec.containers[0].args).toEqual(["node", "server.js"]);
        expect(worker.spec!.template!.spec.containers[0].args).toContain("scripts/worker.ts");
        expect(job.spec!.template!.spec.containers[0].args).toEqual(expect.arrayContaining(["scripts/admin.ts", "migrate"]));
      });

      it("probes the web server's liveness and readiness, and sizes every container", () => {
        const web = find(objects, "Deployment", "portal-web")!.spec!.template!.spec.containers[0];
        expect(web.readinessProbe?.httpGet?.path).toBe("/api/health/ready");
        expect(web.livenessProbe?.httpGet?.path).toBe("/api/health/live");
        for (const object of objects.filter((candidate) => candidate.spec?.template)) {
          for (const container of object.spec!.template!.spec.containers) {
            expect(container.resources?.requests, `${object.metadata.name}/${container.name} requests`).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
            expect(container.resources?.limits?.memory, `${object.metadata.name}/${container.name} memory limit`).toBeDefined();
          }
        }
      });

      it("runs every container as non-root, read-only, without privileges or capabilities, and without an API token", () => {
        for (const object of objects.filter((candidate) => candidate.spec?.template)) {
          const pod = object.spec!.template!.spec;
          expect(pod.securityContext?.runAsNonRoot, object.metadata.name).toBe(true);
          expect(pod.automountServiceAccountToken, object.metadata.name).toBe(false);
          for (const container of pod.containers) {
            expect(container.securityContext, `${object.metadata.name}/${container.name}`).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } });
          }
        }
      });

      it("takes secrets from the portal-secrets Secret by reference, never inline", () => {
        for (const object of objects.filter((candidate) => candidate.spec?.template)) {
          for (const container of object.spec!.template!.spec.containers) {
            for (const variable of container.env ?? []) {
              if (/DATABASE_URL|SECRET|KEY|TOKEN/.test(variable.name)) expect(variable.valueFrom?.secretKeyRef?.name, `${object.metadata.name} ${variable.name}`).toMatch(/^portal-secrets(-[a-z0-9]+)?$/);
            }
          }
        }
        const config = find(objects, "ConfigMap", "portal-config")!;
        expect(Object.keys(config.data ?? {}).filter((name) => /SECRET|PASSWORD|TOKEN|DATABASE_URL/.test(name))).toEqual([]);
      });
    });
  }
});

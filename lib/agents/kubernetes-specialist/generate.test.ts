import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { describeGeneratorContract, hostileLabel } from "@/lib/agents/shared/generator-testing";
import { fixtureNames, readFixture } from "@/lib/agents/shared/golden";
import { validateManifests } from "@/lib/agents/shared/kubernetes-testing";
import { kubernetesSpecialistGenerator } from "./generate";
import { kubernetesSpecialistExample, kubernetesSpecialistSchema } from "./schema";

describeGeneratorContract({
  roleDirectory: import.meta.dirname,
  generator: kubernetesSpecialistGenerator,
  schema: kubernetesSpecialistSchema,
  example: kubernetesSpecialistExample,
  hostileInput: { ...kubernetesSpecialistExample, notes: hostileLabel, gitRepository: 'https://example.com/a"];click' },
});

const generate = (input: unknown) => kubernetesSpecialistGenerator.generate(kubernetesSpecialistSchema.parse(input));
const file = (result: ReturnType<typeof generate>, path: string) => result.artifacts.find((artifact) => artifact.path === path)?.content;

describe("kubernetes-specialist generator", () => {
  it.each(fixtureNames(import.meta.dirname))("writes manifests that validate against the Kubernetes 1.33 schemas (%s)", (name) => {
    const result = generate(readFixture(import.meta.dirname, name));
    const kinds = result.artifacts.filter((artifact) => artifact.kind === "kubernetes" && artifact.path !== "kustomization.yaml").flatMap((artifact) => validateManifests(artifact.content));
    expect(kinds).toContain("v1/Namespace");
    expect(kinds).toContain("v1/ServiceAccount");
    expect(kinds).toContain("v1/Service");
    expect(kinds.some((kind) => kind === "apps/v1/Deployment" || kind === "apps/v1/StatefulSet")).toBe(true);
    // Compiling the JSON schemas takes a few seconds the first time.
  }, 30_000);

  it("lists every manifest file in the kustomization, and nothing else", () => {
    const result = generate(kubernetesSpecialistExample);
    const kustomization = parse(file(result, "kustomization.yaml")!);
    expect(kustomization.resources).toEqual(["namespace.yaml", "serviceaccount.yaml", "deployment.yaml", "service.yaml", "hpa.yaml", "pdb.yaml", "networkpolicy.yaml", "ingress.yaml"]);
  });

  it("labels the namespace for Pod Security and hardens the pod", () => {
    const result = generate(kubernetesSpecialistExample);
    expect(parse(file(result, "namespace.yaml")!).metadata.labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/enforce-version": "v1.33" });
    const deployment = parse(file(result, "deployment.yaml")!);
    // The HPA owns the replica count.
    expect(deployment.spec.replicas).toBeUndefined();
    const container = deployment.spec.template.spec.containers[0];
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, runAsNonRoot: true, allowPrivilegeEscalation: false });
    expect(container.readinessProbe.httpGet).toEqual({ path: "/ready", port: "http" });
    expect(container.startupProbe.failureThreshold).toBe(5);
    expect(container.envFrom).toEqual([{ configMapRef: { name: "checkout-config" } }, { secretRef: { name: "checkout-db-credentials" } }, { secretRef: { name: "stripe-api-key" } }]);
  });

  it("builds a StatefulSet with a headless Service, Flux objects and warnings for what is missing", () => {
    const result = generate(readFixture(import.meta.dirname, "dev-statefulset-flux"));
    const paths = result.artifacts.map((artifact) => artifact.path);
    expect(paths).toContain("statefulset.yaml");
    expect(paths).toContain("flux-kustomization.yaml");
    expect(paths).not.toContain("hpa.yaml");
    expect(paths).not.toContain("pdb.yaml");
    expect(file(result, "service.yaml")).toContain("clusterIP: None");
    const report = file(result, "best-practices.md")!;
    for (const check of ["Runs as non-root", "Read-only root filesystem", "Anti-affinity and zone spread", "Pod disruption budget", "Network policy", "Ingress serves TLS"]) {
      expect(report).toContain(`| ${check} | ⚠️ warn |`);
    }
  });

  it("scales on requests per second through a Pods metric", () => {
    const hpa = parse(file(generate(readFixture(import.meta.dirname, "staging-rps-autoscaling")), "hpa.yaml")!);
    expect(hpa.spec.metrics).toEqual([{ type: "Pods", pods: { metric: { name: "http_requests_per_second" }, target: { type: "AverageValue", averageValue: "150" } } }]);
  });
});

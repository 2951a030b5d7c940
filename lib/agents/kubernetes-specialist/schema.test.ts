import { describe, expect, it } from "vitest";
import { expectIssue, expectValid, expectWellFormedRole } from "@/lib/agents/shared/schema-testing";
import { kubernetesSpecialist } from "./definition";
import { parseCpuMillicores, parseMemoryBytes } from "./quantities";
import { kubernetesSpecialistExample as example, kubernetesSpecialistSchema as schema } from "./schema";

const field = (path: string) => kubernetesSpecialist.fields.find((candidate) => candidate.path === path)!;

describe("kubernetes-specialist requirements", () => {
  it("accepts the example and a filled-in new form, and exports a JSON Schema", () => {
    expectWellFormedRole(kubernetesSpecialist, {
      appName: "orders",
      namespace: "shop",
      image: "registry.example.com/shop/orders:2.0.0",
      replicasMin: 1,
      replicasMax: 1,
      gitRepository: "git@github.com:acme/deploy.git",
    });
  });

  it("parses CPU and memory quantities", () => {
    expect(parseCpuMillicores("250m")).toBe(250);
    expect(parseCpuMillicores("1")).toBe(1000);
    expect(parseCpuMillicores("0.5")).toBe(500);
    expect(parseCpuMillicores("1.5m")).toBeUndefined();
    expect(parseCpuMillicores("one")).toBeUndefined();
    expect(parseMemoryBytes("256Mi")).toBe(256 * 2 ** 20);
    expect(parseMemoryBytes("1Gi")).toBe(2 ** 30);
    expect(parseMemoryBytes("500M")).toBe(500e6);
    expect(parseMemoryBytes("1GB")).toBeUndefined();
  });

  it("rejects malformed quantities on their field", () => {
    expectIssue(schema, { ...example, cpuRequest: "half" }, ["cpuRequest"], "Write CPU as cores (0.5, 2) or millicores (250m)");
    expectIssue(schema, { ...example, memoryLimit: "1GB" }, ["memoryLimit"], "Write memory with a unit, e.g. 256Mi or 1Gi (kilo is a lowercase k)");
  });

  it("requires limits at least the requests, comparing parsed units", () => {
    expectIssue(schema, { ...example, cpuRequest: "1500m", cpuLimit: "1" }, ["cpuLimit"], "The CPU limit must be at least the request (1500m)");
    expectIssue(schema, { ...example, memoryRequest: "2Gi", memoryLimit: "1024Mi" }, ["memoryLimit"], "The memory limit must be at least the request (2Gi)");
    expectValid(schema, { ...example, memoryRequest: "1024Mi", memoryLimit: "1Gi", cpuRequest: "1000m", cpuLimit: "1" });
  });

  it("requires min ≤ max replicas, and at least 2 in production", () => {
    expectIssue(schema, { ...example, replicasMin: 5, replicasMax: 4 }, ["replicasMax"], "The maximum (4) must be at least the minimum (5)");
    expectIssue(schema, { ...example, replicasMin: 1, pdbEnabled: false }, ["replicasMin"], /Production needs at least 2 replicas/);
  });

  it("asks for the autoscaling metric and target only when the range leaves room to scale", () => {
    expectIssue(schema, { ...example, autoscalingMetric: undefined }, ["autoscalingMetric"], "Choose the autoscaling metric");
    expectIssue(schema, { ...example, autoscalingTarget: 99 }, ["autoscalingTarget"], "A utilisation target must be between 10% and 95%");
    expectValid(schema, { ...example, autoscalingMetric: "requests-per-second", autoscalingTarget: 250 });
    expectValid(schema, { ...example, replicasMax: 3, autoscalingMetric: undefined, autoscalingTarget: undefined });
    expect(field("autoscalingMetric").showWhen!({ replicasMin: 3, replicasMax: 3 })).toBe(false);
    expect(field("autoscalingMetric").showWhen!({ replicasMin: 3, replicasMax: 6 })).toBe(true);
  });

  it("computes replicas and the disruption budget from the environment", () => {
    expect(field("replicasMin").computedDefault!({ environment: "production" })).toBe(3);
    expect(field("replicasMin").computedDefault!({ environment: "staging" })).toBe(1);
    expect(field("pdbEnabled").computedDefault!({ replicasMin: 3 })).toBe(true);
    expect(field("pdbEnabled").computedDefault!({ replicasMin: 1 })).toBe(false);
    expect(field("pdbMinAvailable").computedDefault!({ replicasMin: 3 })).toBe(2);
    expect(field("pdbMinAvailable").computedDefault!({ replicasMin: 1 })).toBe(1);
  });

  it("rejects a disruption budget that would block node drains", () => {
    expectIssue(schema, { ...example, pdbMinAvailable: 3 }, ["pdbMinAvailable"], "With 3 minimum replicas, at most 2 can be required available, or node drains block");
    expectIssue(schema, { ...example, environment: "staging", replicasMin: 1, pdbEnabled: true }, ["pdbEnabled"], /needs at least 2 replicas/);
    expectIssue(schema, { ...example, pdbMinAvailable: undefined }, ["pdbMinAvailable"], "Enter how many pods must stay available");
  });

  it("needs HTTP probe paths only for HTTP probes", () => {
    expectIssue(schema, { ...example, readinessPath: undefined }, ["readinessPath"], "Enter the readiness path, e.g. /ready");
    expectIssue(schema, { ...example, livenessPath: "healthz" }, ["livenessPath"], "The liveness path must be a path starting with /");
    expectValid(schema, { ...example, probeType: "tcp", readinessPath: undefined, livenessPath: undefined });
  });

  it("keeps production off the privileged pod security level", () => {
    expectIssue(schema, { ...example, podSecurityLevel: "privileged" }, ["podSecurityLevel"], /baseline or restricted/);
    expectValid(schema, { ...example, environment: "development", replicasMin: 1, pdbEnabled: false, podSecurityLevel: "privileged", tlsEnabled: false });
  });

  it("validates the image reference and pins it", () => {
    expectIssue(schema, { ...example, image: "ghcr.io/acme/checkout-api:latest" }, ["image"], /instead of :latest/);
    expectIssue(schema, { ...example, image: "ghcr.io/acme/checkout-api" }, ["image"], "Pin the image to a tag or digest, e.g. :1.4.2");
    expectIssue(schema, { ...example, image: "Checkout API" }, ["image"], /registry\/repository:tag/);
    expectValid(schema, { ...example, image: `registry.internal:5000/team/app@sha256:${"a".repeat(64)}` });
  });

  it("rejects duplicate ports on the item's field", () => {
    const ports = [
      { name: "http", containerPort: 8080, protocol: "TCP" },
      { name: "http", containerPort: 8080, protocol: "TCP" },
    ];
    expectIssue(schema, { ...example, ports }, ["ports", 1, "containerPort"], "Port 8080/TCP is listed twice");
    expectIssue(schema, { ...example, ports }, ["ports", 1, "name"], 'The port name "http" is used twice');
    expectIssue(schema, { ...example, ports: [{ name: "http", containerPort: 70000, protocol: "TCP" }] }, ["ports", 0, "containerPort"], "The container port must be at most 65535");
  });

  it("requires the ingress host and TLS issuer when exposed, and TLS in production", () => {
    expectIssue(schema, { ...example, ingressHost: undefined }, ["ingressHost"], "Enter the ingress host");
    expectIssue(schema, { ...example, tlsIssuer: undefined }, ["tlsIssuer"], "Enter the cert-manager issuer that signs the certificate");
    expectIssue(schema, { ...example, tlsEnabled: false, tlsIssuer: undefined }, ["tlsEnabled"], "Production ingress must serve TLS");
    expectIssue(schema, { ...example, ingressHost: "not a host" }, ["ingressHost"], "The ingress host must be a DNS name such as api.example.com");
  });

  it("rejects names that are not DNS labels and secrets that shadow config maps", () => {
    expectIssue(schema, { ...example, appName: "Checkout_API" }, ["appName"], /lowercase letters, digits and hyphens/);
    expectIssue(schema, { ...example, secretRefs: ["checkout-config"] }, ["secretRefs", 0], /already listed as a ConfigMap/);
    expectIssue(schema, { ...example, allowedNamespaces: ["Ingress"] }, ["allowedNamespaces", 0], /lowercase letters/);
  });
});

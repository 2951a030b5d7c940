import { describe, expect, it } from "vitest";
import { deploymentEngineerGenerator } from "@/lib/agents/deployment-engineer/generate";
import { deploymentEngineerExample, deploymentEngineerSchema } from "@/lib/agents/deployment-engineer/schema";
import { kubernetesSpecialistGenerator } from "@/lib/agents/kubernetes-specialist/generate";
import { kubernetesSpecialistExample, kubernetesSpecialistSchema } from "@/lib/agents/kubernetes-specialist/schema";
import { isKubernetesName, kubernetesName, stableHash } from "@/lib/agents/shared/kubernetes-names";
import { kubernetesNameProblems, validateManifests } from "@/lib/agents/shared/kubernetes-testing";

const issuePaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("Kubernetes names", () => {
  it("applies the API server's rules to each kind of name", () => {
    expect(isKubernetesName("dns1035Label", "9lives")).toBe(false);
    expect(isKubernetesName("dns1123Label", "9lives")).toBe(true);
    expect(isKubernetesName("labelValue", "a".repeat(64))).toBe(false);
    expect(isKubernetesName("labelValue", "A_b.c")).toBe(true);
    expect(isKubernetesName("portName", "a--b")).toBe(false);
    expect(isKubernetesName("portName", "9090")).toBe(false);
    expect(isKubernetesName("portName", "http-metrics")).toBe(true);
    expect(isKubernetesName("portName", "a".repeat(16))).toBe(false);
    expect(isKubernetesName("dns1123Subdomain", "a.b-c")).toBe(true);
  });

  it("shortens with a stable hash suffix, keeping two long names with one prefix apart", () => {
    const long = `${"a".repeat(60)}-production`;
    const other = `${"a".repeat(60)}-staging`;
    const shortened = kubernetesName("labelValue", long);
    expect(shortened).toHaveLength(63);
    expect(shortened).toBe(`${"a".repeat(54)}-${stableHash(long)}`);
    expect(kubernetesName("labelValue", other)).not.toBe(shortened);
    expect(kubernetesName("labelValue", long)).toBe(shortened);
    expect(kubernetesName("dns1035Label", "9lives-canary")).toBe("x9lives-canary");
    expect(kubernetesName("dns1123Label", "short")).toBe("short");
  });
});

describe("issue 15: Kubernetes names the API server refuses", () => {
  it("refuses an app name starting with a digit (it names the Service, a DNS-1035 label)", () => {
    const result = kubernetesSpecialistSchema.safeParse({ ...kubernetesSpecialistExample, appName: "9lives" });
    expect(issuePaths(result)).toContain("appName");
  });

  it("keeps the instance label of a 63-character app name within 63 characters", () => {
    const input = kubernetesSpecialistSchema.parse({ ...kubernetesSpecialistExample, appName: `a${"b".repeat(62)}`, workloadKind: "StatefulSet" });
    for (const artifact of kubernetesSpecialistGenerator.generate(input).artifacts.filter((item) => item.kind === "kubernetes")) {
      expect(kubernetesNameProblems(artifact.content), artifact.path).toEqual([]);
      if (artifact.path !== "kustomization.yaml") expect(() => validateManifests(artifact.content), artifact.path).not.toThrow();
    }
  });

  it("refuses port names Kubernetes refuses (a--b, 9090, longer than 15)", () => {
    for (const name of ["a--b", "9090", "a-very-long-port-name"]) {
      const result = kubernetesSpecialistSchema.safeParse({ ...kubernetesSpecialistExample, ports: [{ name, containerPort: 8080, protocol: "TCP" }] });
      expect(issuePaths(result), name).toContain("ports.0.name");
    }
  });

  it("refuses 500000K as memory (Kubernetes knows only k) and accepts 500000k", () => {
    expect(issuePaths(kubernetesSpecialistSchema.safeParse({ ...kubernetesSpecialistExample, memoryRequest: "500000K" }))).toContain("memoryRequest");
    expect(kubernetesSpecialistSchema.safeParse({ ...kubernetesSpecialistExample, memoryRequest: "500000k", memoryLimit: "1Gi" }).success).toBe(true);
  });

  it("names the deployment Services as DNS-1035 labels when the repository starts with a digit", () => {
    for (const strategy of ["canary", "blue-green"] as const) {
      const input = deploymentEngineerSchema.parse({ ...deploymentEngineerExample, repository: "acme/9lives", strategy, blueGreenVerifyMinutes: 10, blueGreenKeepOldMinutes: 30, blueGreenAutoPromote: false });
      const artifacts = deploymentEngineerGenerator.generate(input).artifacts.filter((item) => item.kind === "kubernetes");
      for (const artifact of artifacts) expect(kubernetesNameProblems(artifact.content), artifact.path).toEqual([]);
      expect(artifacts.map((artifact) => artifact.content).join("\n")).toContain("x9lives");
    }
  });
});

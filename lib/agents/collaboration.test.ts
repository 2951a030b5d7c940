import { describe, expect, it } from "vitest";
import { collaborationEdges, collaborationMermaid, collaboratorsOf, escapeMermaidLabel, mermaidNodeId } from "./collaboration";

describe("the collaboration graph", () => {
  it("has the seed graph's edges plus the pairs its bullet list adds, once each", () => {
    const pairs = collaborationEdges.map((edge) => [edge.from, edge.to].sort().join(" – "));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(collaborationEdges.map((edge) => `${edge.from} → ${edge.to}`)).toEqual([
      "cloud-architect → devops-engineer",
      "cloud-architect → sre-engineer",
      "cloud-architect → network-engineer",
      "devops-engineer → deployment-engineer",
      "devops-engineer → security-engineer",
      "sre-engineer → kubernetes-specialist",
      "network-engineer → terraform-engineer",
      "deployment-engineer → backend-developer",
      "security-engineer → incident-responder",
      "kubernetes-specialist → devops-incident-responder",
      "terraform-engineer → security-engineer",
      "backend-developer → devops-engineer",
      "incident-responder → sre-engineer",
      "terraform-engineer → kubernetes-specialist",
      "deployment-engineer → sre-engineer",
      "security-engineer → network-engineer",
    ]);
  });

  it("lists collaborators in both directions, in catalogue order, without external roles", () => {
    expect(collaboratorsOf("cloud-architect")).toEqual(["sre-engineer", "devops-engineer", "network-engineer"]);
    expect(collaboratorsOf("devops-engineer")).toEqual(["cloud-architect", "deployment-engineer", "security-engineer"]);
    expect(collaboratorsOf("security-engineer")).toEqual(["terraform-engineer", "incident-responder", "devops-engineer", "network-engineer"]);
    expect(collaboratorsOf("devops-incident-responder")).toEqual(["kubernetes-specialist"]);
    expect(collaboratorsOf("deployment-engineer")).toEqual(["sre-engineer", "devops-engineer"]);
  });

  it("draws a focused role with its neighbours only, linked, external nodes unlinked", () => {
    const source = collaborationMermaid("deployment-engineer", { hrefOf: (key) => `/roles/${key}` });
    expect(source.split("\n")[0]).toBe("graph LR");
    expect(source).toContain('n_deployment_engineer("Deployment Engineer")');
    expect(source).toContain('n_backend_developer(["Backend Developer"])');
    expect(source).toContain('n_devops_engineer -- "Build CI/CD pipelines together" --> n_deployment_engineer');
    expect(source).toContain('click n_sre_engineer href "/roles/sre-engineer"');
    expect(source).not.toContain("click n_backend_developer");
    expect(source).not.toContain("click n_deployment_engineer");
    expect(source).not.toContain("n_cloud_architect");
    expect(source).toContain("class n_deployment_engineer focus");
  });

  it("draws the whole graph without a focus", () => {
    const source = collaborationMermaid();
    expect(source.split("\n")[0]).toBe("graph TD");
    expect(source.match(/-->/g)).toHaveLength(collaborationEdges.length);
  });

  it("escapes labels and keeps node ids safe", () => {
    expect(escapeMermaidLabel('A "quoted" <b>label</b>\nnext')).toBe("A #34;quoted#34; #60;b#62;label#60;/b#62; next");
    expect(escapeMermaidLabel("x]) --> y[(")).toBe("x#93;#41; --#62; y#91;#40;");
    expect(mermaidNodeId("sre-engineer")).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

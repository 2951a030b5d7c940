import { describe, expect, it } from "vitest";
import { devopsIncidentResponderExample } from "@/lib/agents/devops-incident-responder/schema";
import { incidentResponderExample } from "@/lib/agents/incident-responder/schema";
import { declareDefaultsFromRequest, runbookArtifacts, runbookMarkdownOf } from "@/lib/incidents/from-request";

describe("declareDefaultsFromRequest", () => {
  it("takes an incident-responder request's severity, type, summary and the systems that are services", () => {
    const defaults = declareDefaultsFromRequest("incident-responder", incidentResponderExample, "SEV1 security incident", ["orders-db", "checkout-api"]);
    expect(defaults).toEqual({
      title: "SEV1 security incident",
      severity: "SEV1",
      type: "SECURITY",
      customerImpact: true,
      summary: incidentResponderExample.summary,
      services: ["orders-db"],
    });
  });

  it("makes a devops-incident-responder outage a SEV2 and other symptoms SEV3", () => {
    const latency = declareDefaultsFromRequest("devops-incident-responder", devopsIncidentResponderExample, "Latency on checkout-api", ["checkout-api"]);
    expect(latency).toMatchObject({ severity: "SEV3", type: "OPERATIONAL", customerImpact: true, services: ["checkout-api"] });
    expect(latency.summary).toMatch(/^Latency on checkout-api\. Checkout p99/);
    expect(declareDefaultsFromRequest("devops-incident-responder", { ...devopsIncidentResponderExample, symptom: "outage", environment: "staging" }, "", []).severity).toBe("SEV2");
    expect(declareDefaultsFromRequest("devops-incident-responder", {}, "", []).title).toBe("Incident");
  });
});

describe("the runbook from a request's artifacts", () => {
  const artifacts = [
    { path: "incident/response-plan.md", kind: "plan", mediaType: "text/markdown", content: "# Response plan\n\nIsolate." },
    { path: "incident/communications/internal.md", kind: "document", mediaType: "text/markdown", content: "# Internal" },
    { path: "incident/flow.mmd", kind: "diagram", mediaType: "text/vnd.mermaid", content: "graph TD" },
    { path: "runbook/escalation.md", kind: "runbook", mediaType: "text/markdown", content: "Call the on-call." },
  ];

  it("keeps the Markdown runbooks and plans, in order", () => {
    expect(runbookArtifacts(artifacts).map((artifact) => artifact.path)).toEqual(["incident/response-plan.md", "runbook/escalation.md"]);
  });

  it("joins several with rules, heading a part that has none with its file name", () => {
    expect(runbookMarkdownOf(artifacts)).toBe("# Response plan\n\nIsolate.\n\n---\n\n# runbook/escalation.md\n\nCall the on-call.");
    expect(runbookMarkdownOf(artifacts.slice(0, 1))).toBe("# Response plan\n\nIsolate.");
    expect(runbookMarkdownOf(artifacts.slice(1, 3))).toBeUndefined();
  });
});

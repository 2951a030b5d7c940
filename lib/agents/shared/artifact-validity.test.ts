import { describe, expect, it } from "vitest";
import { mermaidLabel } from "@/lib/agents/shared/escape";
import { hostileLabel, mermaidProblems } from "@/lib/agents/shared/artifact-validity";

describe("the structural Mermaid check", () => {
  it("accepts well-formed flowcharts and sequence diagrams", () => {
    expect(mermaidProblems(`flowchart LR\n  subgraph s["Zone"]\n    A[${mermaidLabel(hostileLabel)}] --> B(("db"))\n  end\n`)).toEqual([]);
    expect(mermaidProblems('sequenceDiagram\n  participant A as "API"\n  A->>B: "call me"\n')).toEqual([]);
  });

  it.each([
    ["an unknown diagram type", "flowdiagram LR\n  A --> B", "unknown diagram type"],
    ["a label that closes its node early", 'flowchart LR\n  A["a"];click A call alert(1)"] --> B', "unbalanced quotes"],
    ["an interaction directive", "flowchart LR\n  A --> B\n  click A href \"https://example.com\"", "interaction directive"],
    ["an init directive", '%%{init: {"securityLevel": "loose"}}%%\nflowchart LR\n  A --> B', "directive"],
    ["markup outside a label", "flowchart LR\n  A --> B<img>", "markup outside a label"],
    ["unbalanced brackets", "flowchart LR\n  A[x --> B", "unbalanced brackets"],
    ["an unclosed subgraph", "flowchart LR\n  subgraph s\n  A --> B", "not closed"],
  ])("finds %s", (_, source, problem) => {
    expect(mermaidProblems(source).join("\n")).toContain(problem);
  });
});

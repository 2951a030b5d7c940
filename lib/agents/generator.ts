// The generator contract: a role's generate.ts turns its validated input into what that specialist
// would deliver. Generators are pure: no clock, no randomness, no I/O; the same input gives
// byte-identical output. Changing a generator's output changes its `version`.
import type { RoleKey } from "@/lib/agents/types";

export const artifactKinds = [
  "diagram", // Mermaid source
  "terraform", // HCL
  "kubernetes", // manifests
  "pipeline", // CI/CD workflow
  "slo", // OpenSLO / Sloth specs
  "alerting", // Prometheus rule files, scrape configs
  "dashboard", // Grafana JSON
  "runbook",
  "checklist",
  "decision-record", // ADR / MADR
  "plan", // CIDR plans, roadmaps, response plans
  "policy", // Vault, Falco, Checkov, tflint…
  "container", // Dockerfiles
  "build", // Makefiles and other build config
  "document", // READMEs and other prose
] as const;

export type ArtifactKind = (typeof artifactKinds)[number];

export const mediaTypes = {
  mermaid: "text/vnd.mermaid",
  markdown: "text/markdown",
  hcl: "text/x-hcl",
  yaml: "application/yaml",
  json: "application/json",
  dockerfile: "text/x-dockerfile",
  makefile: "text/x-makefile",
  text: "text/plain",
  tfvars: "text/x-hcl",
} as const;

export interface Artifact {
  /** Where the file goes in the delivered tree, e.g. "modules/network/main.tf". Unique within a result. */
  path: string;
  kind: ArtifactKind;
  mediaType: string;
  content: string;
}

export interface SummaryFigure {
  /** Stable key, e.g. "composite-availability". */
  key: string;
  label: string;
  value: string | number;
  unit?: string;
  /** One line of context: the formula, the target, the assumption. */
  detail?: string;
}

export interface GeneratorResult {
  summary: SummaryFigure[];
  artifacts: Artifact[];
}

export interface RoleGenerator<Input> {
  role: RoleKey;
  /** Semantic version of the output: bump it whenever the output for some input changes. */
  version: string;
  generate(input: Input): GeneratorResult;
}

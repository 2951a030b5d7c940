// Property-based tests of every role's artifacts (issue 15). Answers are drawn with fast-check from each
// role's fixtures, with string fields replaced by strings people really type and strings that are special
// to YAML, HCL, Mermaid, Markdown and Prometheus (YAML 1.1 booleans and numbers, control characters,
// combining marks, emoji, maximum lengths); the role's zod schema decides which answers are valid, as the
// server does. Every artifact of every valid answer then goes through the real tool or its published
// schema/parser, batched so each tool starts once per run:
//   YAML          PyYAML (a YAML 1.1 reader) and the `yaml` library (1.2) must read the same values
//   Kubernetes    kubernetes-models (API + CRD schemas) and the API server's name rules
//   HCL           the HCL parser of Terraform CDK, `terraform fmt -check` over all files at once, and a
//                 reference check (every variable a module or environment requires is set)
//   Prometheus    `promtool check rules` over all rule files at once
//   GitHub        @actions/workflow-parser (GitHub's own parser and workflow schema)
//   GitLab CI     GitLab's CI JSON schema (shipped in gitlab-ci-local)
//   Markdown      a GFM parser (micromark): every table row as wide as its header
//   Mermaid       rendered by the real Mermaid in Chromium under securityLevel "strict": it renders, no math
//                 and no directive took effect, every label reads as typed, and the SVG holds exactly the
//                 nodes the answer implies (expectedMermaidNodes below says how, per role)
// PROPERTY_SEED replays a run (the seed is printed); PROPERTY_RUNS sets the answers drawn per role.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mediaTypes, type Artifact } from "@/lib/agents/generator";
import { getGenerator } from "@/lib/agents/generators";
import { getRole } from "@/lib/agents/registry";
import {
  gitlabCiSchemaProblems,
  markdownTableProblems,
  mermaidProblems,
  parseHcl,
  terraformAvailable,
  terraformFmtDiff,
  terraformReferenceProblems,
  yamlReadersDisagree,
} from "@/lib/agents/shared/artifact-validity";
import { nonEmpty } from "@/lib/agents/shared/generator-testing";
import { fixtureNames, readFixture } from "@/lib/agents/shared/golden";
import { kubernetesNameProblems, validateManifests } from "@/lib/agents/shared/kubernetes-testing";
import { flowchartNodeDefinitions, startMermaidRenderer, type MermaidRenderer } from "@/lib/agents/shared/mermaid-rendering-testing";
import { roleKeys, type RoleKey } from "@/lib/agents/types";

const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
const runs = Number(process.env.PROPERTY_RUNS ?? 40);
console.log(`artifact properties: PROPERTY_SEED=${seed} PROPERTY_RUNS=${runs}`);

/** Strings that mean something else to one of the target languages, and strings people type, by language. */
const specialStrings = {
  yaml: ["on", "yes", "no", "y", "n", "off", "true", "null", "~", "0b1", "0o17", "0x1f", "012", "1e3", "12:30:00", "2026-01-01", ".inf", "=", "<<", "a: b", "x #y", "'quoted'", "@team", "line\nbreak", "tab\there"],
  templates: ["PAY {{", "{{ .Secret }}", "${var.x}", "%{if}"],
  mermaid: ["$$x^2$$", "cost $$5$$ a", "$x$", "%%{init: {'theme':'dark'}}%%", "a %%{init: {'theme':'forest'}}%% b", "%% comment", 'a"];click A call alert(1)', "end", "subgraph", "a --> b", "<img src=x>"],
  markdown: ["a | b", "a \\| b", "**bold**", "[x](javascript:alert(1))", "# heading", "- item", "#channel"],
  text: ["a1", "x", "api", "prod", "9lives", "a-b", "a--b", "public-b", "public--b", "é\u0301", "cafe\u0301", "👍🏽", "👨‍👩‍👧", "日本語", "a\u007fb", "a\u0085b", " padded ", "acme/checkout-api", "10.0.0.0/16", "https://example.com/a"],
};
const allSpecialStrings = Object.values(specialStrings).flat();

const typedString = fc.oneof(
  ...Object.values(specialStrings).map((strings) => ({ weight: 1, arbitrary: fc.constantFrom(...strings) })),
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("a", "-", "1", "{", "|", "$", "%", "\u0301", "🙂", "\u007f", " "), minLength: 1, maxLength: 80 }) },
  { weight: 1, arbitrary: fc.constantFrom(...allSpecialStrings).map((text) => `${text}${"x".repeat(300)}`.slice(0, 63)) },
);

/**
 * A near twin of a sibling's text (the same field in another item of the same list): punctuation doubled,
 * added or swapped, so that names which differ only in punctuation (`public-b`, `public--b`) meet in one
 * answer, where an id or file name derived from them must still tell them apart.
 */
const punctuationTwin = (text: string) =>
  fc.oneof(
    fc.constant(text.includes("-") ? text.replace("-", "--") : `${text}-`),
    fc.constant(`${text}-b`),
    fc.constant(`${text.slice(0, 1)}-${text.slice(1)}`),
    fc.constant(text.replace(/-/g, "_")),
    fc.constant(`${text}.`),
  );

/**
 * Fields that hold a PromQL expression the user owns: the server does not parse PromQL (yet), so random text
 * there is the user's to get right and is left out of the draw.
 */
const userExpressionField = /query$/i;

/** Every path to a string leaf of a fixture (user-owned expressions left out). */
function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return userExpressionField.test(String(at[at.length - 1] ?? "")) ? [] : [at];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...at, index]));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...at, key]));
  return [];
}

function withStrings(base: unknown, replacements: [(string | number)[], string][]): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  for (const [where, text] of replacements) {
    let node = copy;
    for (const key of where.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[where[where.length - 1]] = text;
  }
  return copy;
}

/** The values at the same path in the list's other items (`tiers.2.name` for `tiers.0.name`). */
function siblingValues(fixture: unknown, where: (string | number)[]): string[] {
  const values: string[] = [];
  where.forEach((key, depth) => {
    if (typeof key !== "number") return;
    let list: unknown = fixture;
    for (const step of where.slice(0, depth)) list = (list as Record<string | number, unknown>)[step];
    (list as unknown[]).forEach((_, index) => {
      if (index === key) return;
      let value: unknown = list;
      for (const step of [index, ...where.slice(depth + 1)]) value = (value as Record<string | number, unknown> | undefined)?.[step];
      if (typeof value === "string") values.push(value);
    });
  });
  return values;
}

/** Answers for a role: a fixture with one to three of its strings replaced, biased as above. */
function answers(role: RoleKey): unknown[] {
  const directory = path.join(import.meta.dirname, role);
  const fixtures = fixtureNames(directory).map((name) => readFixture(directory, name));
  const arbitrary = fc.integer({ min: 0, max: fixtures.length - 1 }).chain((index) => {
    const paths = stringPaths(fixtures[index]);
    const replacement = fc.constantFrom(...paths).chain((where) => {
      const siblings = siblingValues(fixtures[index], where);
      const text = siblings.length ? fc.oneof({ weight: 3, arbitrary: typedString }, { weight: 1, arbitrary: fc.constantFrom(...siblings).chain(punctuationTwin) }) : typedString;
      return fc.tuple(fc.constant(where), text);
    });
    return fc
      .uniqueArray(replacement, { minLength: 1, maxLength: 3, selector: ([where]) => where.join(".") })
      .map((replacements) => withStrings(fixtures[index], replacements));
  });
  return fc.sample(arbitrary, { seed: seed + roleKeys.indexOf(role), numRuns: runs * 12 });
}

interface Generated {
  role: RoleKey;
  answer: Record<string, unknown>;
  artifacts: Artifact[];
}

const generated: Generated[] = [];
const counts: Record<string, { drawn: number; valid: number }> = {};
for (const role of roleKeys) {
  const definition = getRole(role);
  let valid = 0;
  const drawn = answers(role);
  for (const answer of drawn) {
    if (valid >= runs) break;
    const parsed = definition.schema.safeParse(answer);
    if (!parsed.success) continue;
    valid++;
    generated.push({ role, answer: parsed.data as Record<string, unknown>, artifacts: getGenerator(role).generate(parsed.data as never).artifacts });
  }
  counts[role] = { drawn: drawn.length, valid };
}
console.log(`artifact properties: valid answers per role ${JSON.stringify(Object.fromEntries(Object.entries(counts).map(([role, count]) => [role, count.valid])))}`);

const all = generated.flatMap(({ role, answer, artifacts }, index) => artifacts.map((artifact) => ({ role, answer, index, artifact })));
const label = (entry: { role: string; index: number; artifact: Artifact }) => `${entry.role}#${entry.index} ${entry.artifact.path}`;
const promtoolAvailable = fs.existsSync("/usr/bin/promtool");

type Answer = Record<string, unknown>;
const list = (value: unknown) => (Array.isArray(value) ? (value as Answer[]) : []);

/**
 * How many nodes a role's diagram must show, from the answer alone (undefined: a fixed-shape tree, checked
 * against the nodes its source defines and their labels only). Where typed names become node ids (network
 * tiers, environments, peers) the count comes from the answer, so two names that collapse into one id fail.
 *   network-engineer   Internet + per environment (load balancer if any and a public tier, zones × tiers
 *                      subnets, NAT gateways: one per zone, one, or none) + one node per connection
 *   cloud-architect    Users + the entry (edge, or DNS routing when several regions) + regions × non-edge tiers
 *   deployment-engineer push, build, image + code scans + image scan + per environment (its deploy, an
 *                      approval or manual gate, DAST after staging) + the production rollout's steps,
 *                      the analysis and the rollback
 */
function expectedMermaidNodes(role: RoleKey, answer: Answer): number | undefined {
  if (role === "network-engineer") {
    const tiers = list(answer.tiers);
    const zones = answer.availabilityZones as number;
    const loadBalancer = answer.loadBalancer !== "none" && tiers.some((tier) => tier.kind === "public") ? 1 : 0;
    const nat = answer.natStrategy === "per-zone" ? zones : answer.natStrategy === "single" ? 1 : 0;
    return 1 + list(answer.environments).length * (loadBalancer + zones * tiers.length + nat) + list(answer.connections).length;
  }
  if (role === "cloud-architect") {
    const regions = list(answer.regions).length;
    const tiers = list(answer.tiers);
    const entry = tiers.some((tier) => tier.kind === "edge") || regions > 1 ? 1 : 0;
    return 1 + entry + regions * tiers.filter((tier) => tier.kind !== "edge").length;
  }
  if (role === "deployment-engineer") {
    const scans = (answer.securityScans as string[]) ?? [];
    const environments = list(answer.environments);
    let nodes = 3 + scans.filter((scan) => scan !== "dast" && scan !== "container").length + (scans.includes("container") ? 1 : 0);
    for (const environment of environments) {
      nodes += 1;
      if ((environment.kind === "production" && (answer.productionApprovers as number) > 0) || !environment.autoDeploy) nodes += 1;
      if (environment.kind === "staging" && scans.includes("dast")) nodes += 1;
    }
    if (environments.some((environment) => environment.kind === "production")) {
      const rollout = answer.strategy === "canary" ? list(answer.canarySteps).length + 1 : answer.strategy === "blue-green" ? 2 : 1;
      nodes += rollout + 2;
    }
    return nodes;
  }
  return undefined;
}

/** A rendered stylesheet without the rules of the diagram's own `classDef`s. */
function withoutClassDefinitions(style: string, source: string): string {
  const names = [...source.matchAll(/^\s*classDef\s+(\w+)/gm)].map((match) => match[1]);
  return names.length ? style.replace(new RegExp(`#ID \\.(${names.join("|")})\\b[^{]*\\{[^}]*\\}`, "g"), "") : style;
}

const spaces = (text: string) => text.replace(/\s+/g, " ").trim();

describe(`artifacts of random valid answers (PROPERTY_SEED=${seed})`, () => {
  it("draws valid answers for every role", () => {
    for (const role of roleKeys) expect(counts[role].valid, role).toBeGreaterThan(0);
  });

  it("YAML: a YAML 1.1 reader and a YAML 1.2 reader read every file the same", () => {
    const yaml = nonEmpty(all.filter((entry) => entry.artifact.mediaType === mediaTypes.yaml), "YAML");
    const problems = yamlReadersDisagree(yaml.map((entry) => ({ ...entry.artifact, path: label(entry) })));
    expect(problems).toEqual([]);
  }, 240_000);

  it("Kubernetes: every manifest validates and every name follows the API server's rules", () => {
    const problems: string[] = [];
    for (const entry of nonEmpty(all.filter((item) => item.artifact.kind === "kubernetes" && item.artifact.path !== "kustomization.yaml"), "Kubernetes manifest")) {
      try {
        validateManifests(entry.artifact.content);
      } catch (error) {
        problems.push(`${label(entry)}: ${(error as Error).message.slice(0, 300)}`);
      }
      problems.push(...kubernetesNameProblems(entry.artifact.content).map((problem) => `${label(entry)}: ${problem}`));
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it.skipIf(!terraformAvailable)("HCL: parses, and terraform fmt -check leaves every file as it is", async () => {
    const hcl = nonEmpty(all.filter((entry) => entry.artifact.mediaType === mediaTypes.hcl), "HCL");
    const problems: string[] = [];
    for (const entry of hcl) {
      try {
        await parseHcl(entry.artifact);
      } catch (error) {
        problems.push(`${label(entry)}: ${(error as Error).message.slice(0, 300)}`);
      }
    }
    // Reference check: every required module and environment variable is set (first ten answers of each
    // role that writes Terraform: parsing is the slow part).
    const terraformAnswers = generated.filter((answer) => answer.artifacts.some((artifact) => artifact.path.endsWith("/main.tf")));
    for (const role of new Set(terraformAnswers.map((answer) => answer.role))) {
      for (const answer of terraformAnswers.filter((item) => item.role === role).slice(0, 10)) {
        problems.push(...(await terraformReferenceProblems(answer.artifacts)).map((problem) => `${role}: ${problem}`));
      }
    }
    expect(problems).toEqual([]);
    expect(terraformFmtDiff(hcl.map((entry) => entry.artifact)).slice(0, 3000)).toBe("");
  }, 240_000);

  // Without promtool the check is skipped, not passed: execFileSync's ENOENT carries no output to read.
  it.skipIf(!promtoolAvailable)("Prometheus: promtool check rules accepts every rule file", () => {
    const rules = nonEmpty(all.filter((entry) => /(^prometheus\/.*rules\.ya?ml$|^monitoring\/alerts\.ya?ml$)/.test(entry.artifact.path)), "Prometheus rule file");
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "property-rules-"));
    try {
      const files = rules.map((entry, index) => {
        const file = path.join(directory, `${index}.yaml`);
        fs.writeFileSync(file, entry.artifact.content);
        return file;
      });
      let output = "";
      try {
        execFileSync("/usr/bin/promtool", ["check", "rules", ...files], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
      } catch (error) {
        const failure = error as { stdout?: string; stderr?: string };
        output = `${failure.stdout ?? ""}${failure.stderr ?? ""}`;
        if (!output) throw error;
      }
      const failed = output.split("\n").filter((line) => /FAILED|error/i.test(line)).slice(0, 10);
      expect(failed).toEqual([]);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  }, 240_000);

  it("GitHub Actions: GitHub's workflow parser accepts every workflow", async () => {
    const { NoOperationTraceWriter, parseWorkflow, convertWorkflowTemplate } = await import("@actions/workflow-parser");
    const problems: string[] = [];
    for (const entry of nonEmpty(all.filter((item) => item.artifact.path.startsWith(".github/workflows/")), "GitHub workflow")) {
      const result = parseWorkflow({ name: entry.artifact.path, content: entry.artifact.content }, new NoOperationTraceWriter());
      if (result.value) await convertWorkflowTemplate(result.context, result.value);
      problems.push(...result.context.errors.getErrors().map((error) => `${label(entry)}: ${error.message}`));
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it("GitLab CI: GitLab's CI schema accepts every pipeline", async () => {
    const problems: string[] = [];
    for (const entry of nonEmpty(all.filter((item) => item.artifact.path === ".gitlab-ci.yml"), "GitLab pipeline")) {
      problems.push(...(await gitlabCiSchemaProblems(entry.artifact.content)).map((problem) => `${label(entry)}: ${problem}`));
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it("Markdown: every table row is as wide as its header (GFM)", async () => {
    const problems: string[] = [];
    for (const entry of nonEmpty(all.filter((item) => item.artifact.mediaType === mediaTypes.markdown), "Markdown")) {
      problems.push(...(await markdownTableProblems(entry.artifact.content)).map((problem) => `${label(entry)}: ${problem}`));
    }
    expect(problems).toEqual([]);
  }, 240_000);

  describe("Mermaid rendered in Chromium", () => {
    let renderer: MermaidRenderer;
    beforeAll(async () => {
      renderer = await startMermaidRenderer();
    }, 120_000);
    afterAll(async () => {
      await renderer?.close();
    });

    it("renders every diagram under securityLevel strict, as typed, with the nodes the answer implies", async () => {
      const diagrams = all.filter((item) => item.artifact.mediaType === mediaTypes.mermaid);
      // The stylesheet of a plain flowchart: a directive that took effect (theme, font, colours) changes it.
      const [baseline] = await renderer.render(['flowchart TD\n  a["a"]']);
      const problems: string[] = [];
      const started = Date.now();
      for (let start = 0; start < diagrams.length; start += 25) {
        const batch = diagrams.slice(start, start + 25);
        const renderings = await renderer.render(batch.map((entry) => entry.artifact.content));
        batch.forEach((entry, index) => {
          const rendering = renderings[index];
          const where = label(entry);
          if (rendering.error) return problems.push(`${where}: ${rendering.error.slice(0, 300)}`);
          if (rendering.mathElements > 0) problems.push(`${where}: typed $$…$$ became math`);
          if (withoutClassDefinitions(rendering.style, entry.artifact.content) !== baseline.style) problems.push(`${where}: a directive changed the diagram's configuration`);
          const defined = flowchartNodeDefinitions(entry.artifact.content);
          const drawn = rendering.nodeLabels.map(spaces).sort();
          const meant = defined.map((node) => spaces(node.label)).sort();
          if (JSON.stringify(drawn) !== JSON.stringify(meant)) problems.push(`${where}: drew ${JSON.stringify(drawn).slice(0, 400)}, meant ${JSON.stringify(meant).slice(0, 400)}`);
          const expected = expectedMermaidNodes(entry.role, entry.answer);
          if (expected !== undefined && rendering.nodeLabels.length !== expected) problems.push(`${where}: ${rendering.nodeLabels.length} nodes drawn, the answer implies ${expected}`);
        });
      }
      console.log(`artifact properties: ${diagrams.length} Mermaid diagrams rendered in Chromium in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(problems.slice(0, 20)).toEqual([]);
    }, 240_000);
  });

  it("Mermaid: every diagram is well formed, with no directive, math or interaction outside a label", () => {
    const problems: string[] = [];
    for (const entry of nonEmpty(all.filter((item) => item.artifact.mediaType === mediaTypes.mermaid), "Mermaid diagram")) {
      problems.push(...mermaidProblems(entry.artifact.content).map((problem) => `${label(entry)}: ${problem}`));
      const outsideLabels = entry.artifact.content.replace(/"[^"\n]*"/g, '""');
      if (/\$\$|%%\{/.test(outsideLabels)) problems.push(`${label(entry)}: math or a directive outside a label`);
      if (/\$\$/.test(entry.artifact.content)) problems.push(`${label(entry)}: $$ reaches Mermaid`);
    }
    expect(problems).toEqual([]);
  });
});

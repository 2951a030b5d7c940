// Test-only checks of generated artifacts: YAML parses, Mermaid source is structurally well formed and
// carries no directives, Prometheus rule files pass promtool, HCL parses and is laid out as terraform fmt.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import type { Artifact } from "@/lib/agents/generator";

/** Every document of a YAML artifact, parsed; throws with the artifact's path on the first error. */
export function parseYamlDocuments(artifact: Artifact): unknown[] {
  const documents = YAML.parseAllDocuments(artifact.content);
  const list = Array.isArray(documents) ? documents : [documents];
  for (const document of list) {
    if (document.errors.length > 0) throw new Error(`${artifact.path}: ${document.errors[0].message}`);
  }
  return list.map((document) => document.toJS());
}

const mermaidDiagramTypes = /^(flowchart|graph|sequenceDiagram|stateDiagram-v2|gantt|timeline|architecture-beta|block-beta|mindmap|journey|classDiagram|erDiagram|pie)\b/;
/** Lines of these kinds open or close a section, so their brackets need not balance on the line. */
const sectionLine = /^\s*(subgraph|end|%%|section|title|dateFormat|axisFormat|participant|actor|note|loop|alt|else|opt|par|and|rect)\b/;
const arrows = /<-->|<-\.->|-->>|->>|-->|==>|-\.->|---|--o|--x|<--|<==|-\)|--\)|>>/g;

/**
 * Problems in Mermaid source: a cheap structural check (the real rendering is an e2e test). Outside quoted
 * labels only identifiers, arrows, shapes and keywords may appear, so a label can never close its node
 * early, and no `click`, `call`, `href` or `%%{init}` directive may appear at all.
 */
export function mermaidProblems(source: string): string[] {
  const problems: string[] = [];
  const lines = source.split("\n");
  const first = lines.find((line) => line.trim() !== "" && !line.trim().startsWith("%%"));
  if (!first || !mermaidDiagramTypes.test(first.trim())) problems.push(`unknown diagram type: ${first ?? "(empty)"}`);
  let subgraphs = 0;
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith("%%")) {
      if (trimmed.startsWith("%%{")) problems.push(`line ${index + 1}: directive`);
      return;
    }
    if ((line.match(/"/g) ?? []).length % 2 !== 0) problems.push(`line ${index + 1}: unbalanced quotes`);
    const outside = line.replace(/"[^"]*"/g, '""');
    if (/\b(click|callback|call|href|javascript)\b/i.test(outside)) problems.push(`line ${index + 1}: interaction directive outside a label`);
    if (/[<>`]/.test(outside.replace(arrows, ""))) problems.push(`line ${index + 1}: markup outside a label`);
    let depth = 0;
    for (const character of outside) {
      if ("([{".includes(character)) depth++;
      if (")]}".includes(character)) depth--;
      if (depth < 0) break;
    }
    if (depth !== 0 && !sectionLine.test(outside)) problems.push(`line ${index + 1}: unbalanced brackets`);
    if (/^subgraph\b/.test(trimmed)) subgraphs++;
    if (trimmed === "end" && /^(flowchart|graph)\b/.test(first?.trim() ?? "")) subgraphs--;
    if (subgraphs < 0) problems.push(`line ${index + 1}: "end" without a subgraph`);
  });
  if (subgraphs > 0) problems.push(`${subgraphs} subgraph(s) not closed`);
  return problems;
}

/** The hostile label every role that puts user text into Mermaid is tested with. */
export const hostileLabel = 'a"];click A call alert(1)';

function temporaryDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "artifact-check-"));
}

/** Runs `promtool check rules` on the content; returns its output, throws with it when the check fails. */
export function promtoolCheckRules(content: string, promtool = "/usr/bin/promtool"): string {
  const directory = temporaryDirectory();
  const file = path.join(directory, "rules.yaml");
  fs.writeFileSync(file, content);
  try {
    return execFileSync(promtool, ["check", "rules", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    throw new Error(`promtool check rules failed:\n${failure.stdout ?? ""}${failure.stderr ?? ""}`);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** Parses HCL with hcl2json (the parser Terraform CDK uses); throws on invalid HCL. */
export async function parseHcl(artifact: Artifact): Promise<Record<string, unknown>> {
  const { parse } = await import("@cdktf/hcl2json");
  return (await parse(path.basename(artifact.path), artifact.content)) as Record<string, unknown>;
}

const terraformBinary = ["/usr/local/bin/terraform", "/usr/bin/terraform"].find((candidate) => fs.existsSync(candidate));

/** Whether `terraform` is installed here (the fmt layout check needs it). */
export const terraformAvailable = terraformBinary !== undefined;

/**
 * What `terraform fmt` would change in these artifacts, as its diff (empty when every layout is already
 * canonical). One terraform run for all of them: it takes a second or two to start.
 */
export function terraformFmtDiff(artifacts: Artifact[]): string {
  if (!terraformBinary) throw new Error("terraform is not installed");
  const directory = temporaryDirectory();
  artifacts.forEach((artifact, index) => {
    const extension = artifact.path.endsWith(".tfvars") ? ".tfvars" : ".tf";
    fs.writeFileSync(path.join(directory, `${index}-${path.basename(artifact.path, extension).replace(/[^\w.-]/g, "_")}${extension}`), artifact.content);
  });
  try {
    execFileSync(terraformBinary, ["fmt", "-check", "-diff", directory], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" },
    });
    return "";
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return `${failure.stdout ?? ""}${failure.stderr ?? ""}` || "terraform fmt -check failed";
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}


const pyyamlReader = `
import json, sys, yaml
def plain(value):
    if isinstance(value, dict):
        return {"__map__": [[plain(k), plain(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, (str, bool, int, float)) or value is None:
        return value
    return {"__type__": type(value).__name__, "repr": str(value)}
out = []
for text in json.load(sys.stdin):
    try:
        out.append({"documents": [plain(d) for d in yaml.safe_load_all(text)]})
    except Exception as error:
        out.append({"error": str(error).replace("\\n", " ")})
json.dump(out, sys.stdout)
`;

/** A value as PyYAML returns it: maps as `{__map__: [[key, value], …]}` so non-string keys stay visible. */
export type Yaml11Value = null | boolean | number | string | Yaml11Value[] | { __map__: [Yaml11Value, Yaml11Value][] } | { __type__: string; repr: string };

/**
 * Reads YAML texts with PyYAML's safe loader, a real YAML 1.1 reader (one python process for the whole
 * batch). Each entry is the documents read, or the loader's error.
 */
export function readYaml11(texts: string[]): ({ documents: Yaml11Value[] } | { error: string })[] {
  const output = execFileSync("python3", ["-c", pyyamlReader], { input: JSON.stringify(texts), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(output) as ({ documents: Yaml11Value[] } | { error: string })[];
}

/** A YAML 1.2 value in the shape `readYaml11` gives, to compare the two readers. */
export function asYaml11Shape(value: unknown): Yaml11Value {
  if (Array.isArray(value)) return value.map(asYaml11Shape);
  if (value !== null && typeof value === "object") return { __map__: Object.entries(value).map(([key, item]) => [key, asYaml11Shape(item)]) };
  return value as Yaml11Value;
}

/**
 * Problems where a YAML 1.1 reader (PyYAML) and a YAML 1.2 one (the `yaml` library) read an artifact
 * differently, or either refuses it: one entry per artifact that disagrees.
 */
export function yamlReadersDisagree(artifacts: Artifact[]): string[] {
  const yaml11 = readYaml11(artifacts.map((artifact) => artifact.content));
  const problems: string[] = [];
  artifacts.forEach((artifact, index) => {
    const read = yaml11[index];
    if ("error" in read) {
      problems.push(`${artifact.path}: PyYAML refuses it: ${read.error}`);
      return;
    }
    let yaml12: Yaml11Value[];
    try {
      yaml12 = parseYamlDocuments(artifact).map(asYaml11Shape);
    } catch (error) {
      problems.push(`${artifact.path}: ${(error as Error).message}`);
      return;
    }
    const [left, right] = [JSON.stringify(read.documents), JSON.stringify(yaml12)];
    if (left !== right) {
      let at = 0;
      while (left[at] === right[at]) at++;
      const around = (text: string) => text.slice(Math.max(0, at - 80), at + 80);
      problems.push(`${artifact.path}: YAML 1.1 and 1.2 readers differ:\n  1.1: …${around(left)}…\n  1.2: …${around(right)}…`);
    }
  });
  return problems;
}

/**
 * Tables in a Markdown document, read by a GFM parser (micromark, as GitHub renders): one problem per row
 * whose cell count differs from its header's (a pipe escaped twice splits a row into one cell more).
 */
export async function markdownTableProblems(markdown: string): Promise<string[]> {
  const [{ fromMarkdown }, { gfm }, { gfmFromMarkdown }] = await Promise.all([
    import("mdast-util-from-markdown"),
    import("micromark-extension-gfm"),
    import("mdast-util-gfm"),
  ]);
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const problems: string[] = [];
  const visit = (node: { type: string; children?: unknown[]; position?: { start: { line: number } } }) => {
    if (node.type === "table") {
      const rows = (node.children ?? []) as { children: unknown[]; position?: { start: { line: number } } }[];
      const width = rows[0]?.children.length ?? 0;
      for (const row of rows) if (row.children.length !== width) problems.push(`line ${row.position?.start.line}: ${row.children.length} cells under a header of ${width}`);
    }
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(tree as never);
  return problems;
}

let gitlabCiValidator: ((data: unknown) => boolean) & { errors?: unknown[] | null } | undefined;

/**
 * GitLab's own CI JSON schema (app/assets/javascripts/editor/schema/ci.json), as the gitlab-ci-local
 * package ships it: bundled into its dist/index.js as an object literal, which is cut out and evaluated
 * here (it is plain data), then compiled with Ajv (draft-07, as the schema declares).
 */
async function gitlabCiSchemaValidator() {
  if (gitlabCiValidator) return gitlabCiValidator;
  const bundle = fs.readFileSync(path.join(process.cwd(), "node_modules/gitlab-ci-local/dist/index.js"), "utf8");
  const marker = '{$schema:"http://json-schema.org/draft-07/schema#",$id:"https://gitlab.com/.gitlab-ci.yml"';
  const start = bundle.indexOf(marker);
  if (start < 0) throw new Error("GitLab's CI schema was not found in gitlab-ci-local's bundle");
  let depth = 0;
  let end = start;
  for (let index = start, inString = false; index < bundle.length; index++) {
    const character = bundle[index];
    if (inString) {
      if (character === "\\") index++;
      else if (character === '"') inString = false;
      continue;
    }
    if (character === '"') inString = true;
    else if (character === "{" || character === "[") depth++;
    else if (character === "}" || character === "]") depth--;
    if (depth === 0) {
      end = index + 1;
      break;
    }
  }
  const schema = new Function(`return (${bundle.slice(start, end)});`)() as Record<string, unknown>;
  const { default: Ajv } = await import("ajv");
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
  gitlabCiValidator = ajv.compile(schema);
  return gitlabCiValidator;
}

/** What GitLab's CI JSON schema says against a `.gitlab-ci.yml` (empty when it is valid). */
export async function gitlabCiSchemaProblems(content: string): Promise<string[]> {
  const validate = await gitlabCiSchemaValidator();
  const document = YAML.parse(content) as unknown;
  if (validate(document)) return [];
  return (validate.errors ?? []).slice(0, 5).map((error) => JSON.stringify(error));
}

/**
 * `promtool check config` on a Prometheus config, with its rule files beside it (name → content). Returns
 * promtool's output; throws with it when the check fails.
 */
export function promtoolCheckConfig(config: string, ruleFiles: Record<string, string> = {}, promtool = "/usr/bin/promtool"): string {
  const directory = temporaryDirectory();
  fs.writeFileSync(path.join(directory, "prometheus.yaml"), config);
  for (const [name, content] of Object.entries(ruleFiles)) fs.writeFileSync(path.join(directory, name), content);
  try {
    return execFileSync(promtool, ["check", "config", path.join(directory, "prometheus.yaml")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], cwd: directory });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    throw new Error(`promtool check config failed:\n${failure.stdout ?? ""}${failure.stderr ?? ""}`);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Reference check of a Terraform tree (parsed with hcl2json): every variable a module declares without a
 * default is set in each call of the module, and every variable an environment declares without a default
 * is set in its terraform.tfvars, so `terraform plan -input=false` never stops to ask. One problem per gap.
 */
export async function terraformReferenceProblems(artifacts: Artifact[]): Promise<string[]> {
  type Blocks = Record<string, Record<string, Record<string, unknown>[]>>;
  const parsed = new Map<string, Blocks>();
  for (const artifact of artifacts.filter((item) => /\.(tf|tfvars)$/.test(item.path))) parsed.set(artifact.path, (await parseHcl(artifact)) as Blocks);
  const required = (file: string) => Object.entries(parsed.get(file)?.variable ?? {}).filter(([, [body]]) => !("default" in body)).map(([name]) => name);
  const problems: string[] = [];
  const directories = [...new Set([...parsed.keys()].filter((file) => file.endsWith("/main.tf")).map((file) => path.dirname(file)))];
  for (const directory of directories) {
    for (const [call, [body]] of Object.entries(parsed.get(`${directory}/main.tf`)?.module ?? {})) {
      const source = String(body.source ?? "");
      if (!source.startsWith(".")) continue;
      const moduleDirectory = path.normalize(path.join(directory, source));
      for (const name of required(`${moduleDirectory}/variables.tf`)) if (!(name in body)) problems.push(`${directory}: module "${call}" leaves its required variable ${name} unset`);
    }
    const tfvars = parsed.get(`${directory}/terraform.tfvars`) as Record<string, unknown> | undefined;
    if (tfvars) for (const name of required(`${directory}/variables.tf`)) if (!(name in tfvars)) problems.push(`${directory}: variable ${name} has no default and is not set in terraform.tfvars`);
  }
  return problems;
}

// Which highlighter grammar shows an artifact, from its media type and file name. The viewer loads only
// these grammars; anything else is shown as plain text.

export const highlightLanguages = ["yaml", "hcl", "json", "markdown", "dockerfile", "makefile", "shellscript"] as const;
export type HighlightLanguage = (typeof highlightLanguages)[number];

const byMediaType: Record<string, HighlightLanguage> = {
  "application/yaml": "yaml",
  "text/x-hcl": "hcl",
  "application/json": "json",
  "text/markdown": "markdown",
  "text/x-dockerfile": "dockerfile",
  "text/x-makefile": "makefile",
  "text/x-shellscript": "shellscript",
};

const byExtension: Record<string, HighlightLanguage> = {
  yaml: "yaml",
  yml: "yaml",
  tf: "hcl",
  tfvars: "hcl",
  hcl: "hcl",
  json: "json",
  md: "markdown",
  sh: "shellscript",
  bash: "shellscript",
  mk: "makefile",
};

/** The grammar for an artifact, or "text" for none. */
export function languageOf(artifact: { path: string; mediaType: string }): HighlightLanguage | "text" {
  const name = artifact.path.split("/").at(-1) ?? "";
  if (name === "Dockerfile" || name.endsWith(".Dockerfile") || name.startsWith("Dockerfile.")) return "dockerfile";
  if (name === "Makefile" || name === "GNUmakefile") return "makefile";
  const extension = name.includes(".") ? name.split(".").at(-1)!.toLowerCase() : "";
  return byExtension[extension] ?? byMediaType[artifact.mediaType] ?? "text";
}

/** A short label of the language, for the viewer's header. */
export const languageLabels: Record<HighlightLanguage | "text" | "mermaid", string> = {
  yaml: "YAML",
  hcl: "HCL",
  json: "JSON",
  markdown: "Markdown",
  dockerfile: "Dockerfile",
  makefile: "Makefile",
  shellscript: "Shell",
  text: "Text",
  mermaid: "Mermaid",
};

/** "4.2 kB", "812 B": sizes as the viewer shows them (powers of 1000, like file managers). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

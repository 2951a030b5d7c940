// Escaping of user-typed text wherever it lands in generated artifacts: Mermaid, Markdown, HCL.
// (YAML and JSON are produced with their libraries' serialisers, which quote as needed.)

/** A Mermaid label: always quoted, with quotes and markup turned into Mermaid entity codes. */
export function mermaidLabel(text: string): string {
  const escaped = text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/&/g, "#amp;")
    .replace(/[`]/g, "#96;")
    .replace(/[\u0000-\u001f\u007f]/g, "");
  return `"${escaped}"`;
}

/** A Mermaid node id made of safe characters only, derived from any text. */
export function mermaidId(text: string, prefix = "n"): string {
  const body = text.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return `${prefix}_${body || "x"}`;
}

// Markdown escaping is shared with the rest of the portal.
export { markdownCell, markdownTable, markdownText } from "@/lib/markdown/escape";

/** An HCL quoted string: escapes backslashes, quotes, control characters and template sequences. */
export function hclString(text: string): string {
  const escaped = text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, "%%{");
  return `"${escaped}"`;
}

/** An identifier safe for HCL names, Kubernetes names and file names: lowercase, digits, hyphens. */
export function dnsLabel(text: string, maxLength = 63): string {
  const label = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return label || "x";
}

/** Like dnsLabel with underscores, for Terraform resource names. */
export function hclIdentifier(text: string): string {
  const id = dnsLabel(text).replace(/-/g, "_");
  return /^[a-z_]/.test(id) ? id : `_${id}`;
}

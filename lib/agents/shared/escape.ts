// Escaping of user-typed text wherever it lands in generated artifacts, one function per target language:
// Mermaid, Markdown, HCL, Prometheus templates.
// (YAML and JSON are produced with their libraries' serialisers, which quote as needed.)

/**
 * A Mermaid label: always quoted, with quotes, markup, math and directive characters turned into Mermaid
 * entity codes (`#36;` for `$`, `#37;` for `%`). Mermaid decodes the codes to HTML entities only after
 * parsing, so a typed `$$…$$` never switches on KaTeX, and a typed `%%{init}%%` or `%%` comment is neither
 * a directive nor a comment. Control characters are dropped, line breaks become spaces.
 */
export function mermaidLabel(text: string): string {
  const escaped = text
    .replace(/[\r\n\t\u0085\u2028\u2029]+/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/&/g, "#amp;")
    .replace(/[`]/g, "#96;")
    .replace(/\$/g, "#36;")
    .replace(/%/g, "#37;");
  return `"${escaped}"`;
}

/**
 * A Mermaid node id made of safe characters only, unique by construction: letters and digits are kept,
 * every other character becomes `_<hex code point>_`, so two different texts never share an id
 * (`public--b` and `public-b` stay two nodes).
 */
export function mermaidId(text: string, prefix = "n"): string {
  const body = [...text].map((character) => (/^[A-Za-z0-9]$/.test(character) ? character : `_${character.codePointAt(0)!.toString(16)}_`)).join("");
  return `${prefix}_${body}`;
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

/**
 * Text inside a Prometheus alerting rule's labels or annotations, which Prometheus expands as a Go
 * template: a typed `{{` becomes the action `{{ "{{" }}`, which prints itself instead of opening an action.
 */
export function prometheusTemplateText(text: string): string {
  return text.replace(/\{\{/g, '{{ "{{" }}');
}

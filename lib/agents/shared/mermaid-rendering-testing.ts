// Test-only: renders Mermaid diagrams with the real Mermaid (the package's browser bundle from node_modules)
// in headless Chromium, the way the portal's diagram component does (`securityLevel: "strict"`), and
// reports what was drawn: nodes, their label text, whether KaTeX/MathML appeared, and the diagram's
// stylesheet (a `%%{init}%%` directive that took effect changes it). One browser serves a whole test file;
// diagrams go to the page in batches.
import fs from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";

export interface MermaidRendering {
  /** Mermaid's error message when the diagram did not render. */
  error?: string;
  /** The text of every node (`g.node`) in the SVG, in drawing order. */
  nodeLabels: string[];
  /** Subgraphs drawn (`g.cluster`). */
  clusters: number;
  /** KaTeX or MathML elements in the SVG: typed `$$…$$` must never become math. */
  mathElements: number;
  /** The SVG's stylesheet with the diagram's own id replaced by `#ID`. */
  style: string;
}

export interface MermaidRenderer {
  render(sources: string[]): Promise<MermaidRendering[]>;
  close(): Promise<void>;
}

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const mermaidBundle = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");

/** Starts Chromium with a blank page holding Mermaid, with every network request refused. */
export async function startMermaidRenderer(): Promise<MermaidRenderer> {
  const args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
  if (process.getuid?.() === 0) args.unshift("--no-sandbox");
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args });
  try {
    const page: Page = await browser.newPage();
    await page.route("**/*", (route) => route.abort());
    await page.setContent("<!doctype html><html><head><title>mermaid</title></head><body></body></html>");
    await page.addScriptTag({ content: fs.readFileSync(mermaidBundle, "utf8") });
    await page.evaluate(() => {
      (globalThis as unknown as { mermaid: { initialize(config: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    });
    let next = 0;
    return {
      async render(sources) {
        const first = next;
        next += sources.length;
        return page.evaluate(
          async ({ sources, first }) => {
            const mermaid = (globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
            const results = [];
            for (const [index, source] of sources.entries()) {
              const id = `diagram${first + index}`;
              try {
                const { svg } = await mermaid.render(id, source);
                const holder = document.createElement("div");
                holder.innerHTML = svg;
                results.push({
                  nodeLabels: [...holder.querySelectorAll("g.node")].map((node) => node.textContent ?? ""),
                  clusters: holder.querySelectorAll("g.cluster").length,
                  mathElements: holder.querySelectorAll(".katex, math").length,
                  style: (holder.querySelector("style")?.textContent ?? "").split(`#${id}`).join("#ID"),
                });
              } catch (error) {
                results.push({ error: String((error as Error)?.message ?? error), nodeLabels: [], clusters: 0, mathElements: 0, style: "" });
              } finally {
                document.getElementById(id)?.remove();
                document.getElementById(`d${id}`)?.remove();
              }
            }
            return results;
          },
          { sources, first },
        );
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

const namedEntities: Record<string, string> = { quot: '"', lt: "<", gt: ">", amp: "&", nbsp: "\u00a0" };

/** A quoted Mermaid label as Mermaid shows it: entity codes (`#36;`, `#quot;`) decoded. */
export function decodeMermaidLabel(label: string): string {
  return label.replace(/#(\w+);/g, (whole, code: string) => (/^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : (namedEntities[code] ?? whole)));
}

/** Shapes of flowchart nodes, longest opener first: `((`, `([`, `[(`, `[/`, `{{`, `[`, `(`, `{`. */
const nodeDefinition = /\b([A-Za-z_][\w]*)(\(\(|\(\[|\[\(|\[\/|\{\{|\[|\(|\{)"([^"\n]*)"/g;

/**
 * Every node a flowchart's source defines (an id followed by a shape with a quoted label), in order, with
 * the label decoded. Subgraph titles are not nodes. Two definitions with the same id count twice: that is
 * the collision the rendering check exists to catch.
 */
export function flowchartNodeDefinitions(source: string): { id: string; label: string }[] {
  const definitions: { id: string; label: string }[] = [];
  for (const line of source.split("\n")) {
    if (/^\s*subgraph\b/.test(line)) continue;
    for (const match of line.matchAll(nodeDefinition)) definitions.push({ id: match[1], label: decodeMermaidLabel(match[3]) });
  }
  return definitions;
}

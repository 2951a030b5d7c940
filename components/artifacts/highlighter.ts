// The syntax highlighter, loaded on demand (never import this module statically: it must stay out of the
// first-load JavaScript). Shiki's core with the JavaScript regex engine (no WebAssembly), two themes that
// keep 4.5:1 contrast on the portal's surfaces, and only the grammars artifacts use (ADR 011).
import { createHighlighterCore, type HighlighterCore, type ThemedToken } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import type { HighlightLanguage } from "@/lib/artifacts/languages";

let highlighter: Promise<HighlighterCore> | undefined;

function load(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    themes: [import("shiki/themes/github-light-default.mjs"), import("shiki/themes/github-dark-default.mjs")],
    langs: [
      import("shiki/langs/yaml.mjs"),
      import("shiki/langs/hcl.mjs"),
      import("shiki/langs/json.mjs"),
      import("shiki/langs/markdown.mjs"),
      import("shiki/langs/docker.mjs"),
      import("shiki/langs/make.mjs"),
      import("shiki/langs/shellscript.mjs"),
    ],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

const grammarOf: Record<HighlightLanguage, string> = {
  yaml: "yaml",
  hcl: "hcl",
  json: "json",
  markdown: "markdown",
  dockerfile: "docker",
  makefile: "make",
  shellscript: "shellscript",
};

export type HighlightedLine = { content: string; style?: Record<string, string> }[];

/**
 * The code's lines as tokens with both themes' colours: `color` is the light one and `--shiki-dark` the
 * dark one (the stylesheet picks it under `.dark`).
 */
export async function highlight(code: string, language: HighlightLanguage): Promise<HighlightedLine[]> {
  const core = await load();
  const { tokens } = core.codeToTokens(code, {
    lang: grammarOf[language],
    themes: { light: "github-light-default", dark: "github-dark-default" },
  });
  return tokens.map((line: ThemedToken[]) => line.map((token) => ({ content: token.content, style: token.htmlStyle })));
}

// Golden-file testing for the generators: each fixture's reviewed output lives in
// `<role>/__golden__/<fixture>/<artifact path>` plus `summary.json`, compared byte for byte;
// `UPDATE_GOLDEN=1` rewrites them (then review the diff before committing).
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { GeneratorResult } from "@/lib/agents/generator";

export const summaryFileName = "summary.json";

const updating = process.env.UPDATE_GOLDEN === "1";

/** The fixture names of a role (`<roleDirectory>/fixtures/<name>.json`), sorted. */
export function fixtureNames(roleDirectory: string): string[] {
  return fs
    .readdirSync(path.join(roleDirectory, "fixtures"))
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.slice(0, -".json".length))
    .sort();
}

/** A fixture's raw input (parse it with the role's schema before generating). */
export function readFixture(roleDirectory: string, name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(roleDirectory, "fixtures", `${name}.json`), "utf8"));
}

/** Every file under a directory, as forward-slash paths relative to it, sorted. */
function listFiles(directory: string, prefix = ""): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(path.join(directory, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort();
}

/** The files a result should produce on disk: the artifacts plus the summary. */
export function goldenFiles(result: GeneratorResult): Map<string, string> {
  const files = new Map<string, string>();
  for (const artifact of result.artifacts) {
    if (artifact.path === summaryFileName) throw new Error(`An artifact may not be called ${summaryFileName}: the golden summary lives there`);
    if (artifact.path.startsWith("/") || artifact.path.split("/").includes("..")) throw new Error(`Artifact path escapes its tree: ${artifact.path}`);
    if (files.has(artifact.path)) throw new Error(`Two artifacts share the path ${artifact.path}`);
    files.set(artifact.path, artifact.content);
  }
  files.set(summaryFileName, `${JSON.stringify(result.summary, null, 2)}\n`);
  return files;
}

/**
 * Compares a result with its golden directory, byte for byte: same set of files, same contents.
 * With UPDATE_GOLDEN=1 the directory is rewritten instead (stale files removed).
 */
export function expectMatchesGolden(roleDirectory: string, fixture: string, result: GeneratorResult): void {
  const directory = path.join(roleDirectory, "__golden__", fixture);
  const expected = goldenFiles(result);
  if (updating) {
    fs.rmSync(directory, { recursive: true, force: true });
    for (const [file, content] of expected) {
      const target = path.join(directory, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
    return;
  }
  expect(listFiles(directory), `files in ${path.relative(process.cwd(), directory)} (run with UPDATE_GOLDEN=1 to rewrite)`).toEqual(
    [...expected.keys()].sort(),
  );
  for (const [file, content] of expected) {
    const stored = fs.readFileSync(path.join(directory, file), "utf8");
    // toBe on strings prints a readable diff when they differ.
    expect(content, `${fixture}/${file} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`).toBe(stored);
  }
}

// `npm run bench:js`: the JavaScript each page makes the browser load before it can be used, from the last
// `next build` (no server needed). For every App Router page it unions Next's root main files with the
// chunks its client-reference manifest lists for the page and its layouts, and prints the raw and gzipped
// kilobytes, largest first. Code split off with `next/dynamic` or `lazy()` is not counted: mermaid and the
// highlighter load only when a page draws a diagram or code, the Markdown renderers when it shows Markdown,
// and the one role a form, request or print view shows (components/roles/with-role.tsx: about 25 KB for
// the role plus 98 KB of zod that only role schemas use) beside the page's own scripts.
// BENCH_JS_MAX_KB fails the run when a page's raw total is above it.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { runInNewContext } from "node:vm";

const nextDir = join(process.cwd(), ".next");
const maxKb = process.env.BENCH_JS_MAX_KB ? Number(process.env.BENCH_JS_MAX_KB) : undefined;

interface Manifest {
  entryJSFiles?: Record<string, string[]>;
}

function manifests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return manifests(path);
    return name === "page_client-reference-manifest.js" ? [path] : [];
  });
}

const sizes = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string) {
  let size = sizes.get(file);
  if (!size) {
    const bytes = readFileSync(join(nextDir, file));
    size = { raw: bytes.length, gzip: gzipSync(bytes).length };
    sizes.set(file, size);
  }
  return size;
}

const build = JSON.parse(readFileSync(join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
const rows = manifests(join(nextDir, "server", "app")).map((path) => {
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[<page>]; run it in a sandbox.
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, Manifest> } };
  runInNewContext(readFileSync(path, "utf8"), { ...sandbox, self: sandbox.globalThis });
  const [page, manifest] = Object.entries(sandbox.globalThis.__RSC_MANIFEST ?? {})[0] ?? ["?", {}];
  const files = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles ?? {}).flat()]);
  const total = [...files].reduce((sum, file) => ({ raw: sum.raw + sizeOf(file).raw, gzip: sum.gzip + sizeOf(file).gzip }), { raw: 0, gzip: 0 });
  const route = page.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
  return { route, file: relative(nextDir, path), ...total };
});

rows.sort((a, b) => b.raw - a.raw);
console.log(`${"page".padEnd(48)} ${"KB".padStart(7)} ${"gzip KB".padStart(8)}`);
for (const row of rows) console.log(`${row.route.padEnd(48)} ${(row.raw / 1024).toFixed(0).padStart(7)} ${(row.gzip / 1024).toFixed(0).padStart(8)}`);
const over = maxKb === undefined ? [] : rows.filter((row) => row.raw / 1024 > maxKb);
if (over.length > 0) {
  console.error(`Above ${maxKb} KB: ${over.map((row) => row.route).join(", ")}`);
  process.exitCode = 1;
}

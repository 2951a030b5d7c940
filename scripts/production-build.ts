// The production build, shared by `npm start`, the benchmarks and the tests that run real servers: built
// with `next build` when `.next` is missing or its fingerprint (a hash of the app's sources, lock file and
// config) differs, then made servable as Next's standalone output (`.next/standalone/server.js`, the same
// server the container image runs). Concurrent callers (test files) take turns on a lock file, so the
// build happens once.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/** The standalone server: `node .next/standalone/server.js` with PORT (and HOSTNAME) set. */
export const standaloneServer = path.join(root, ".next", "standalone", "server.js");

/** Inputs of the production build: when their content changes, the build is stale. */
const buildInputs = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma", "prisma/migrations"];

function* walk(entry: string): Generator<string> {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield entry;
    return;
  }
  for (const child of readdirSync(full).sort()) {
    if (child === "generated" || child === "node_modules" || child.endsWith(".test.ts") || child.endsWith(".test.tsx")) continue;
    yield* walk(path.join(entry, child));
  }
}

export function buildFingerprint(): string {
  const hash = createHash("sha256");
  for (const input of buildInputs) {
    for (const file of walk(input)) hash.update(file).update("\0").update(readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex");
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${[path.basename(command), ...args].join(" ")} failed (exit ${result.status ?? result.signal}).`);
}

const fingerprintFile = path.join(root, ".next", "portal-build-fingerprint");

export function buildIsCurrent(fingerprint = buildFingerprint()): boolean {
  return existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(standaloneServer) && existsSync(fingerprintFile) && readFileSync(fingerprintFile, "utf8") === fingerprint;
}

/**
 * The standalone output holds the server and the node_modules it traced, but not the browser assets or
 * public/: copy them beside it, as Next's documentation says (and the Dockerfile does).
 */
function completeStandalone(): void {
  const standalone = path.dirname(standaloneServer);
  rmSync(path.join(standalone, ".next", "static"), { recursive: true, force: true });
  cpSync(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), { recursive: true });
  if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
}

/** Builds when stale; answers whether it built. Throws when the build fails. */
export async function buildIfStale(log: (line: string) => void = () => undefined): Promise<boolean> {
  const fingerprint = buildFingerprint();
  if (buildIsCurrent(fingerprint)) return false;
  mkdirSync(path.join(root, ".next"), { recursive: true });
  const lock = path.join(root, ".next", "portal-build.lock");
  // One build at a time: another process building waits here, then finds the build current.
  for (let waited = 0; ; waited += 1_000) {
    try {
      closeSync(openSync(lock, "wx"));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs;
      if (Number.isFinite(age) && age > 15 * 60_000) rmSync(lock, { force: true }); // a build that died
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  try {
    if (buildIsCurrent(fingerprint)) return false;
    const current = existsSync(fingerprintFile);
    log(current ? "the build is stale: rebuilding (a minute or two)…" : "no production build yet: building (a minute or two)…");
    run(process.execPath, [path.join(root, "scripts", "prisma-generate.mjs")]);
    run(process.execPath, [nextBin, "build"], { ...process.env, NODE_ENV: "production" });
    completeStandalone();
    writeFileSync(fingerprintFile, fingerprint);
    return true;
  } finally {
    rmSync(lock, { force: true });
  }
}

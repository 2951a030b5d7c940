// Runs `prisma generate` from our own scripts (npm may skip dependencies' install hooks).
// Generation never uses the schema engine, but the CLI insists on finding one: point it anywhere when unset.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, "scripts", "prisma-generate.mjs");
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";

let cli;
try {
  cli = require.resolve("prisma/build/index.js", { paths: [root] });
} catch {
  // `npm install` runs `prepare` before dev dependencies may be present in some setups; nothing to generate then.
  console.warn("prisma is not installed yet; skipping client generation");
  process.exit(0);
}
if (!existsSync(path.join(root, "prisma", "schema.prisma"))) process.exit(0);

const result = spawnSync(process.execPath, [cli, "generate", "--no-hints"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);

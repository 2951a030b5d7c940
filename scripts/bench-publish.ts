// Benchmark of Git delivery: publishes a 40-file revision to a real local Git server (`git http-backend`
// behind basic auth, as the tests use), then a day-2 update of it after a person edited two of its files
// on the default branch (every file changes in the new revision; both edits touch lines it changes, so they
// become conflicts), each time into a
// fresh repository, through the same publisher the worker uses (isomorphic-git over smart HTTP, the
// per-file three-way merge, no provider API). Prints the median and p95 milliseconds of each.
// Targets: first publication ≤ 2 s, day-2 update ≤ 3 s (median, 2 cores).
// Usage: npm run bench:publish [-- --runs 7]
import { writeFileSync } from "node:fs";
import { createGitPublisher } from "@/lib/integrations/git/publisher";
import type { PublishFile, PublishInput } from "@/lib/artifacts/publisher";
import { generateFor } from "@/lib/agents/generators";
import { getRole } from "@/lib/agents/registry";
import { gitCli, startGitServer } from "@/lib/testing/git-server";

const targets = { first: 2_000, update: 3_000 };

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const percentile = (sorted: number[], fraction: number) => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1))];

/** 40 real generated files: the Terraform engineer's example, topped up with other roles' files. */
function revisionFiles(variant: number): PublishFile[] {
  const files: PublishFile[] = [];
  for (const role of ["terraform-engineer", "kubernetes-specialist", "devops-engineer", "sre-engineer"] as const) {
    const example = structuredClone(getRole(role).example) as Record<string, unknown>;
    for (const artifact of generateFor(role, example).artifacts) if (files.length < 40) files.push({ path: `${role}/${artifact.path}`, content: artifact.content });
  }
  if (files.length !== 40) throw new Error(`expected 40 files, got ${files.length}`);
  // A later revision: every file gains a line at its top and one changes near its end.
  return variant === 1 ? files : files.map((file) => ({ ...file, content: `# revision ${variant}\n${file.content.replace(/\n([^\n]*)\n$/, "\n$1 # r2\n")}` }));
}

async function main() {
  const runs = option("runs", 7);
  const server = await startGitServer();
  const publisher = createGitPublisher({} as never);
  const settings = { timeoutMs: 30_000, allowPrivate: true };
  const r1 = revisionFiles(1);
  const r2 = revisionFiles(2);
  const bytes = r1.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
  console.log(`Publishing ${r1.length} files (${(bytes / 1024).toFixed(0)} KB) and a day-2 update, ${runs} times each after a warm-up, to git http-backend on ${server.baseUrl}\n`);
  const timings = { first: [] as number[], update: [] as number[] };
  const conflicts: number[] = [];
  try {
    for (let run = 0; run <= runs; run++) {
      const name = `bench-${run}`;
      await server.createRepository(name, { files: { "README.md": "# Infrastructure\n" } });
      const target = { cloneUrl: server.url(name), defaultBranch: "main", credentials: { username: server.username, password: server.password }, provider: null };
      const input = (id: string, files: PublishFile[], previous: PublishInput["previous"]): PublishInput => ({
        publicationId: id,
        target,
        branch: "portal/bench-request",
        directory: "infra/bench/bench-request",
        files,
        ownedFiles: [{ path: ".portal/request.json", content: `{"publication":"${id}"}\n` }],
        previous,
        commit: { message: `Bench ${id}`, authorName: "Platform Portal", authorEmail: "portal@example.test", time: new Date() },
        pullRequest: { title: "Bench", body: () => "" },
      });
      let started = performance.now();
      const first = await publisher.publish(input(`${name}-r1`, r1, null), settings);
      const firstMs = performance.now() - started;

      // The pull request is merged, then a person edits two files on main, on lines revision 2 changes too.
      const work = await server.clone(name, "main");
      await gitCli(work, "merge", "--no-ff", "-q", "-m", "Merge", `origin/${first.branch}`);
      const dir = `${work}/infra/bench/bench-request`;
      writeFileSync(`${dir}/${r1[0].path}`, r1[0].content.replace(/^/, "# owned by the platform team\n"));
      const last = r1[1].content.replace(/\n([^\n]*)\n$/, "\n$1 # pinned by hand\n");
      writeFileSync(`${dir}/${r1[1].path}`, last);
      await server.commitAndPush(work, "Hand edits", "main");

      started = performance.now();
      const update = await publisher.publish(input(`${name}-r2`, r2, { branch: first.branch, commitSha: first.commitSha, files: r1, finished: false }), settings);
      const updateMs = performance.now() - started;
      if (run === 0) continue; // warm-up
      timings.first.push(firstMs);
      timings.update.push(updateMs);
      conflicts.push(update.outcome.conflicts.length);
    }
  } finally {
    await server.close();
  }
  const rows: string[][] = [["", "median ms", "p95 ms", "target ms", ""]];
  let failed = false;
  for (const key of ["first", "update"] as const) {
    const sorted = [...timings[key]].sort((a, b) => a - b);
    const median = percentile(sorted, 0.5);
    const ok = median <= targets[key];
    failed ||= !ok;
    rows.push([key === "first" ? "first publication (40 files)" : "day-2 update (merged with hand edits)", median.toFixed(0), percentile(sorted, 0.95).toFixed(0), String(targets[key]), ok ? "ok" : "SLOW"]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  "));
  console.log(`\nConflicts reported by each day-2 update: ${[...new Set(conflicts)].join(", ")}`);
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// Real Prometheus and Alertmanager for tests (Debian's `prometheus` and `prometheus-alertmanager`, which
// .ci/run installs): each on a free port on 127.0.0.1, with its files in a temporary directory removed on stop.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, track, waitForOk, type RunningProcess } from "@/lib/testing/servers";

export interface RunningTool {
  url: string;
  dir: string;
  process: RunningProcess;
  stop(): Promise<void>;
}

/** Waits until the tool started in `dir` answers /-/ready on `port`; stopping it removes `dir`. */
async function whenReady(dir: string, port: number, process_: RunningProcess): Promise<RunningTool> {
  const url = `http://127.0.0.1:${port}`;
  await waitForOk(`${url}/-/ready`, process_, 60_000);
  return {
    url,
    dir,
    process: process_,
    async stop() {
      await process_.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts Prometheus with `config` (prometheus.yml) and any other files (rules) written beside it. `dataDir`:
 * an existing TSDB directory (e.g. made by `promtool tsdb create-blocks-from openmetrics`). `retention`: the
 * time retention (default 90d; a block is deleted only once all of it is older than that).
 */
export async function startPrometheus(options: { config?: string; files?: Record<string, string>; dataDir?: string; retention?: string; args?: string[] } = {}): Promise<RunningTool> {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-prometheus-"));
  writeFileSync(path.join(dir, "prometheus.yml"), options.config ?? "global:\n  scrape_interval: 15s\n");
  for (const [name, content] of Object.entries(options.files ?? {})) writeFileSync(path.join(dir, name), content);
  const port = await freePort();
  const process_ = track(
    spawn(
      "prometheus",
      [
        `--config.file=${path.join(dir, "prometheus.yml")}`,
        `--storage.tsdb.path=${options.dataDir ?? path.join(dir, "data")}`,
        `--web.listen-address=127.0.0.1:${port}`,
        // Backfilled blocks of the last 30 days must not be deleted as old.
        `--storage.tsdb.retention.time=${options.retention ?? "90d"}`,
        "--log.level=warn",
        ...(options.args ?? []),
      ],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    ),
  );
  return whenReady(dir, port, process_);
}

/** Starts Alertmanager with `config` (alertmanager.yml). */
export async function startAlertmanager(config: string): Promise<RunningTool> {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-alertmanager-"));
  writeFileSync(path.join(dir, "alertmanager.yml"), config);
  const port = await freePort();
  const clusterPort = await freePort();
  const process_ = track(
    spawn(
      "prometheus-alertmanager",
      [
        `--config.file=${path.join(dir, "alertmanager.yml")}`,
        `--storage.path=${path.join(dir, "data")}`,
        `--web.listen-address=127.0.0.1:${port}`,
        // No gossip with other instances (a test runs one).
        `--cluster.listen-address=`,
        `--cluster.advertise-address=127.0.0.1:${clusterPort}`,
        "--log.level=warn",
      ],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    ),
  );
  return whenReady(dir, port, process_);
}

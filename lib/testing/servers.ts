// Real processes for tests that need them: free ports, the production build's standalone server, the
// worker, and a small round-robin HTTP proxy standing in for a load balancer.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { root, standaloneServer } from "@/scripts/production-build";

export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function track(child: ChildProcess): RunningProcess {
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill(signal);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

/** Waits until GET url answers 200, or throws with the process's output. */
export async function waitForOk(url: string, process: RunningProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) throw new Error(`The process stopped while starting:\n${process.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${process.output()}`);
}

/** The standalone web server (`node .next/standalone/server.js`), as the container image runs it. */
export function startWebServer(port: number, env: Record<string, string>): RunningProcess {
  return track(spawn(process.execPath, [standaloneServer], { cwd: path.dirname(standaloneServer), env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", HOSTNAME: "127.0.0.1", PORT: String(port), ...env }, stdio: ["ignore", "pipe", "pipe"] }));
}

/** A TypeScript entry point of scripts/ (worker.ts, admin.ts) as `npm run` runs it. */
export function startScript(script: string, args: string[], env: Record<string, string>): RunningProcess {
  return track(spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", script), ...args], { cwd: root, env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env }, stdio: ["ignore", "pipe", "pipe"] }));
}

export interface RoundRobinProxy {
  url: string;
  /** Which upstream (index) answered each request, in order. */
  served: number[];
  close(): Promise<void>;
}

/**
 * A load balancer in miniature: each request goes to the next upstream in turn, and to the one after when
 * that one refuses the connection (as a balancer's health check would soon conclude). Every request opens
 * its own connection (no keep-alive), so a killed upstream refuses the next one rather than resetting a
 * pooled socket. Responses stream through, event streams included.
 */
export async function startRoundRobinProxy(upstreams: number[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served: number[] = [];
  const server = http.createServer((request, response) => {
    const body: Buffer[] = [];
    request.on("data", (chunk: Buffer) => body.push(chunk));
    request.on("end", () => {
      // A retry goes to the upstream after the one that refused, not to whatever the shared counter holds
      // by then (concurrent requests move it, and could send the retry back to the dead one).
      const attempt = (tries: number, index: number) => {
        const upstream = http.request({ host: "127.0.0.1", port: upstreams[index], agent: false, method: request.method, path: request.url, headers: request.headers }, (answer) => {
          served.push(index);
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        });
        upstream.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code === "ECONNREFUSED" && tries + 1 < upstreams.length) return attempt(tries + 1, (index + 1) % upstreams.length);
          if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
          response.end(`proxy: ${error.code ?? error.message}`);
        });
        response.on("close", () => upstream.destroy());
        upstream.end(Buffer.concat(body));
      };
      attempt(0, next++ % upstreams.length);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// A real Git server for tests and benchmarks: `git http-backend` (the git package's smart-HTTP CGI program,
// `http.receivepack` on) behind a small Node HTTP server on 127.0.0.1 with a free port and basic auth. The
// repositories are bare repositories in a temporary folder; the helpers below prepare them and read them back
// with the git CLI, so what the portal pushed is checked by git itself, not by the library that pushed it.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, chmodSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The git CLI in `cwd`, with a fixed identity and no user or system configuration. */
export async function gitCli(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run("git", args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_AUTHOR_NAME: "Human Editor",
      GIT_AUTHOR_EMAIL: "human@example.test",
      GIT_COMMITTER_NAME: "Human Editor",
      GIT_COMMITTER_EMAIL: "human@example.test",
      GIT_TERMINAL_PROMPT: "0",
    } as unknown as NodeJS.ProcessEnv,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

export interface GitServer {
  /** http://127.0.0.1:PORT */
  readonly baseUrl: string;
  readonly username: string;
  readonly password: string;
  /** How many HTTP requests the server answered (all repositories). */
  readonly requestCount: number;
  /** The clone URL of a repository (without credentials). */
  url(name: string): string;
  /** A bare repository `name` with one commit on `defaultBranch` holding `files` (path → content). */
  createRepository(name: string, options?: { defaultBranch?: string; files?: Record<string, string> }): Promise<void>;
  /** Installs an executable hook (e.g. "pre-receive") written as a shell script. */
  setHook(name: string, hook: string, script: string | null): void;
  /** A fresh working clone of the repository (through the filesystem, not HTTP); removed on close. */
  clone(name: string, branch?: string): Promise<string>;
  /** Commits every change in a working clone and pushes it to `branch`. */
  commitAndPush(workdir: string, message: string, branch: string): Promise<string>;
  /** The full sha of `ref` in the bare repository, or null. */
  revParse(name: string, ref: string): Promise<string | null>;
  /** Runs the git CLI inside the bare repository. */
  git(name: string, ...args: string[]): Promise<string>;
  /** Every file of a working tree below `dir` (relative paths, without .git), with its content. */
  readTree(dir: string): Record<string, string>;
  close(): Promise<void>;
}

function listFiles(root: string, dir = root, out: Record<string, string> = {}): Record<string, string> {
  for (const entry of readdirSync(dir)) {
    if (dir === root && entry === ".git") continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) listFiles(root, full, out);
    else out[path.relative(root, full).split(path.sep).join("/")] = readFileSync(full, "utf8");
  }
  return out;
}

/**
 * Starts the server. Every request needs HTTP basic auth with `username`/`password` (401 with a
 * WWW-Authenticate challenge otherwise), as a hosted Git server would.
 */
export async function startGitServer(options: { username?: string; password?: string } = {}): Promise<GitServer> {
  const username = options.username ?? "portal-bot";
  const password = options.password ?? `s3cret-${Math.random().toString(36).slice(2)}`;
  const root = mkdtempSync(path.join(os.tmpdir(), "portal-git-server-"));
  const reposRoot = path.join(root, "repos");
  const worktrees = path.join(root, "worktrees");
  mkdirSync(reposRoot);
  mkdirSync(worktrees);
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  const sockets = new Set<Socket>();
  let requestCount = 0;

  const server = http.createServer((request, response) => {
    requestCount++;
    if (request.headers.authorization !== expected) {
      request.resume();
      response.writeHead(401, { "WWW-Authenticate": 'Basic realm="test git"', "content-type": "text/plain" });
      response.end("Authentication required\n");
      return;
    }
    const url = new URL(request.url ?? "/", "http://localhost");
    const child = spawn("git", ["http-backend"], {
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        GIT_PROJECT_ROOT: reposRoot,
        GIT_HTTP_EXPORT_ALL: "1",
        GIT_CONFIG_NOSYSTEM: "1",
        HOME: root,
        REQUEST_METHOD: request.method ?? "GET",
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.replace(/^\?/, ""),
        CONTENT_TYPE: request.headers["content-type"] ?? "",
        ...(request.headers["content-length"] ? { CONTENT_LENGTH: request.headers["content-length"] } : {}),
        ...(request.headers["content-encoding"] ? { HTTP_CONTENT_ENCODING: request.headers["content-encoding"] } : {}),
        ...(request.headers["git-protocol"] ? { GIT_PROTOCOL: String(request.headers["git-protocol"]) } : {}),
        REMOTE_USER: username,
        REMOTE_ADDR: "127.0.0.1",
        GIT_COMMITTER_NAME: "Test Git Server",
        GIT_COMMITTER_EMAIL: "server@example.test",
      } as unknown as NodeJS.ProcessEnv,
    });
    request.pipe(child.stdin);
    child.stdin.on("error", () => undefined);
    let buffered = Buffer.alloc(0);
    let headersSent = false;
    child.stdout.on("data", (chunk: Buffer) => {
      if (headersSent) {
        response.write(chunk);
        return;
      }
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf("\r\n\r\n");
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString("latin1");
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.split("\r\n")) {
        const colon = line.indexOf(":");
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 200;
        else headers[name] = value;
      }
      response.writeHead(status, headers);
      headersSent = true;
      response.write(buffered.subarray(end + 4));
    });
    child.on("close", () => {
      if (!headersSent) response.writeHead(500).end("git http-backend failed\n");
      else response.end();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bare = (name: string) => path.join(reposRoot, `${name}.git`);

  return {
    baseUrl,
    username,
    password,
    get requestCount() {
      return requestCount;
    },
    url: (name) => `${baseUrl}/${name}.git`,
    async createRepository(name, repoOptions = {}) {
      const branch = repoOptions.defaultBranch ?? "main";
      await gitCli(reposRoot, "init", "--bare", "--quiet", `--initial-branch=${branch}`, bare(name));
      await gitCli(bare(name), "config", "http.receivepack", "true");
      const work = mkdtempSync(path.join(worktrees, `${name}-init-`));
      await gitCli(work, "init", "--quiet", `--initial-branch=${branch}`);
      const files = repoOptions.files ?? { "README.md": `# ${name}\n` };
      for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
        writeFileSync(path.join(work, file), content);
      }
      await gitCli(work, "add", "-A");
      await gitCli(work, "commit", "--quiet", "-m", "Initial commit");
      await gitCli(work, "push", "--quiet", bare(name), `HEAD:refs/heads/${branch}`);
      rmSync(work, { recursive: true, force: true });
    },
    setHook(name, hook, script) {
      const file = path.join(bare(name), "hooks", hook);
      if (script === null) rmSync(file, { force: true });
      else {
        writeFileSync(file, script);
        chmodSync(file, 0o755);
      }
    },
    async clone(name, branch) {
      const work = mkdtempSync(path.join(worktrees, `${name}-`));
      await gitCli(worktrees, "clone", "--quiet", ...(branch ? ["--branch", branch] : []), bare(name), work);
      return work;
    },
    async commitAndPush(workdir, message, branch) {
      await gitCli(workdir, "add", "-A");
      await gitCli(workdir, "commit", "--quiet", "-m", message);
      await gitCli(workdir, "push", "--quiet", "origin", `HEAD:refs/heads/${branch}`);
      return (await gitCli(workdir, "rev-parse", "HEAD")).trim();
    },
    async revParse(name, ref) {
      try {
        return (await gitCli(bare(name), "rev-parse", "--verify", "--quiet", ref)).trim() || null;
      } catch {
        return null;
      }
    },
    git: (name, ...args) => gitCli(bare(name), ...args),
    readTree: (dir) => listFiles(dir),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

// `npm start`: build when needed, open the database (embedded unless DATABASE_URL is set), migrate,
// seed the demo organisation in demo mode, then serve the production build. `--dev` runs `next dev`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EnvError, demoMode, parseEnv, resetEnvCache, type Env } from "@/lib/env";
import { EmbeddedDatabaseBusyError } from "@/lib/db/embedded";
import { migrate, MigrationError } from "@/lib/db/migrate";
import { DatabaseUnavailableError, openDatabase, type OpenDatabase } from "@/lib/db/runtime";
import { buildIfStale, nextBin, root, standaloneServer } from "./production-build";

const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[portal] ${line}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[portal] ${[path.basename(command), ...args].join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

/** A secret set in the environment, or one generated once and kept in the data directory (hex). */
function keptSecret(settings: Env, given: string | undefined, fileName: string): string {
  if (given) return given;
  const file = path.join(settings.DATA_DIR, fileName);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(settings.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** NEXTAUTH_SECRET, or one generated once and kept in the data directory. */
const authSecret = (settings: Env) => keptSecret(settings, settings.NEXTAUTH_SECRET, "auth-secret");

/**
 * PORTAL_ENCRYPTION_KEY, or one generated once into the data directory. Decided here, before the web
 * server and the worker start, so that both encrypt and decrypt with the same key.
 */
const encryptionKey = (settings: Env) => keptSecret(settings, settings.PORTAL_ENCRYPTION_KEY, "encryption-key");

async function main() {
  let settings: Env;
  try {
    settings = parseEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[portal] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let database: OpenDatabase;
  try {
    database = await openDatabase(settings, "serve");
  } catch (error) {
    if (error instanceof EmbeddedDatabaseBusyError) {
      console.error(`[portal] ${error.message} Is the portal already running? Stop it first, or set DATA_DIR to another folder.`);
      process.exit(1);
    }
    if (error instanceof DatabaseUnavailableError || (error instanceof Error && error.message.startsWith("Port "))) {
      console.error(`[portal] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  log(`database: ${database.description}`);
  // Built after the database check, so that a bad DATABASE_URL fails in a second, not after a build.
  if (!existsSync(path.join(root, "lib", "generated", "prisma", "client.ts"))) run(process.execPath, [path.join(root, "scripts", "prisma-generate.mjs")]);
  if (!dev) {
    try {
      await buildIfStale(log);
    } catch (error) {
      console.error(`[portal] ${(error as Error).message}`);
      process.exit(1);
    }
  }

  const web: { child?: ChildProcess; worker?: ChildProcess } = {};
  let stopping = false;
  const stopChild = async (child: ChildProcess | undefined) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 15_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
  };
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all([stopChild(web.child), stopChild(web.worker)]);
    await database.stop();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));
  // When whatever started us (npm, a terminal, Playwright) dies without passing a signal on, stop too, so
  // no orphaned server keeps the port and the embedded database's lock. `npm start` runs us through
  // `sh -c`, which outlives a killed npm: so watch the grandparent as well as the parent.
  const watched = startedBy();
  setInterval(() => {
    if (!watched.every(isAlive)) void shutdown(0);
  }, 2_000).unref();

  try {
    const result = await migrate(database.url, { log });
    log(result.applied.length ? `applied ${result.applied.length} migration(s)` : `schema up to date (${result.alreadyApplied.length} migrations)`);
  } catch (error) {
    console.error(`[portal] ${error instanceof MigrationError ? error.message : `migration failed: ${(error as Error).message}`}`);
    await shutdown(1);
    return;
  }

  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  if (demoMode(settings)) {
    const { seedDemo, DEMO_PASSWORD, demoUsers } = await import("@/lib/demo/seed");
    const { getDb } = await import("@/lib/db/client");
    await seedDemo(log);
    await getDb().$disconnect();
    log(`demo mode: sign in as ${demoUsers[0].email} (or maintainer@, member@, viewer@demo.local) with password "${DEMO_PASSWORD}"`);
  }

  const url = settings.NEXTAUTH_URL ?? `http://localhost:${settings.PORT}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: authSecret(settings),
    PORTAL_ENCRYPTION_KEY: encryptionKey(settings),
    NEXTAUTH_URL: url,
    // Decided here, where it is known whether the database is embedded; the web server sees a URL either way.
    DEMO_MODE: demoMode(settings) ? "true" : "false",
    // The standalone server runs in its own directory: keep a relative data directory where it was meant.
    DATA_DIR: path.resolve(root, settings.DATA_DIR),
    NODE_ENV: dev ? "development" : "production",
    // Through NODE_OPTIONS, so that it also reaches a server process that `next` forks; the dev server
    // (compiling on demand) keeps Node's default.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, dev ? undefined : `--max-old-space-size=${settings.WEB_HEAP_MB}`].filter(Boolean).join(" ") || undefined,
  };
  // Production: Next's standalone server, exactly as the container image runs it (`next start` does not
  // support `output: "standalone"`). It listens on every interface, IPv4 and IPv6, like `next start` did.
  const child = dev
    ? spawn(process.execPath, [nextBin, "dev", "-p", String(settings.PORT)], { cwd: root, env: childEnv, stdio: ["ignore", "pipe", "inherit"] })
    : spawn(process.execPath, [standaloneServer], { cwd: path.dirname(standaloneServer), env: { ...childEnv, PORT: String(settings.PORT), HOSTNAME: "::" }, stdio: ["ignore", "pipe", "inherit"] });
  web.child = child;
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready in|✓ Ready/.test(chunk.toString())) log(`Platform Portal is ready on ${url}`);
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[portal] the web server stopped (${code ?? signal}).`);
      void shutdown(code ?? 1);
    }
  });

  // The worker delivers what the web server's transactions left in the outbox. It is the same code as
  // `npm run worker`; should it die, it is started again (nothing is lost: its work is in the database).
  const startWorker = () => {
    const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "worker.ts")], {
      cwd: root,
      env: { ...childEnv, NODE_OPTIONS: process.env.NODE_OPTIONS, PORTAL_PARENT_PID: String(process.pid) },
      stdio: ["ignore", "inherit", "inherit"],
    });
    web.worker = worker;
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`[portal] the worker stopped (${code ?? signal}); starting it again in 5 s.`);
      setTimeout(() => !stopping && startWorker(), 5_000).unref();
    });
  };
  startWorker();
}

main().catch((error) => {
  console.error(`[portal] start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

/** The parent and grandparent process ids (the parent alone where /proc is not available). */
function startedBy(): number[] {
  const parentOf = (pid: number): number | undefined => {
    try {
      // /proc/<pid>/stat: "pid (command) state ppid …"; the command may contain spaces and parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
      return undefined;
    }
  };
  const grandparent = parentOf(process.ppid);
  return [process.ppid, ...(grandparent && grandparent > 1 ? [grandparent] : [])];
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

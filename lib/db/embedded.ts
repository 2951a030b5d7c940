// The embedded PostgreSQL: PGlite served on 127.0.0.1 over the real wire protocol (pglite-socket).
// Exactly one process may open a PGlite data directory; a lock file with the owner's pid enforces it,
// and embedded.json records the URL so that the admin CLI can reach the running server.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export interface EmbeddedDatabase {
  url: string;
  /** True when this process serves the database; false when it connected to another process's. */
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  host?: string;
  /** Keep the data in memory only (tests). The lock and URL files are not written then. */
  inMemory?: boolean;
}

interface EmbeddedRecord {
  url: string;
  pid: number;
}

export class EmbeddedDatabaseBusyError extends Error {
  constructor(readonly pid: number, readonly url: string) {
    super(`The embedded database in this data directory is already served by process ${pid} at ${url}.`);
  }
}

const lockFile = (dataDir: string) => path.join(dataDir, "embedded.lock");
const recordFile = (dataDir: string) => path.join(dataDir, "embedded.json");

export function embeddedUrl(host: string, port: number): string {
  return `postgresql://postgres:postgres@${host}:${port}/postgres`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portAnswers(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

function readRecord(dataDir: string): EmbeddedRecord | undefined {
  try {
    return JSON.parse(readFileSync(recordFile(dataDir), "utf8")) as EmbeddedRecord;
  } catch {
    return undefined;
  }
}

/** The URL of the embedded server another live process runs for this data directory, if any. */
export async function findRunningEmbeddedDatabase(dataDir: string): Promise<EmbeddedRecord | undefined> {
  const record = readRecord(dataDir);
  if (!record || !processAlive(record.pid)) return undefined;
  const url = new URL(record.url);
  return (await portAnswers(url.hostname, Number(url.port))) ? record : undefined;
}

/** Takes the data directory's lock, or explains who holds it. Stale locks (dead owner) are taken over. */
function acquireLock(dataDir: string, url: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile(dataDir), "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockFile(dataDir), "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
        throw new EmbeddedDatabaseBusyError(owner, readRecord(dataDir)?.url ?? url);
      }
      rmSync(lockFile(dataDir), { force: true });
    }
  }
  throw new Error(`Could not lock ${lockFile(dataDir)}`);
}

/**
 * pglite-socket multiplexes every connection onto PGlite's one session and keeps a connection's messages
 * together only while a transaction is open. A parameterised query is several protocol messages
 * (Parse, Bind, Describe, Execute … Sync); another connection's message landing between them makes the
 * query fail ("unnamed prepared statement does not exist") or, worse, run with the wrong statement.
 * Reporting "in a transaction" from the first of those messages until the Sync keeps them together.
 */
function keepExtendedQueriesTogether(db: PGlite): void {
  let midSequence = false;
  const isInTransaction = db.isInTransaction.bind(db);
  const execProtocolRawStream = db.execProtocolRawStream.bind(db);
  db.isInTransaction = () => midSequence || isInTransaction();
  db.execProtocolRawStream = (message, options) => {
    // P(arse), B(ind), D(escribe), E(xecute), C(lose), H (flush) continue a sequence; S(ync) or Q(uery) end it.
    midSequence = message.length > 0 && "PBDECH".includes(String.fromCharCode(message[0]));
    return execProtocolRawStream(message, options);
  };
}

/** Opens the PGlite data directory and serves it on host:port. */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const host = options.host ?? "127.0.0.1";
  const dataDir = path.resolve(options.dataDir);
  let url = embeddedUrl(host, options.port);
  if (!options.inMemory) {
    mkdirSync(dataDir, { recursive: true });
    acquireLock(dataDir, url);
  }
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(options.inMemory ? undefined : path.join(dataDir, "pglite"));
    keepExtendedQueriesTogether(db);
    const server = new PGLiteSocketServer({ db, host, port: options.port, maxConnections: 32 });
    await server.start();
    if (options.port === 0) {
      const connection = server.getServerConn();
      url = embeddedUrl(host, Number(connection.split(":").pop()));
    }
    if (!options.inMemory) {
      writeFileSync(recordFile(dataDir), JSON.stringify({ url, pid: process.pid } satisfies EmbeddedRecord, null, 2));
    }
    let stopped = false;
    return {
      url,
      owned: true,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop().catch(() => undefined);
        await db?.close().catch(() => undefined);
        if (!options.inMemory) {
          rmSync(recordFile(dataDir), { force: true });
          rmSync(lockFile(dataDir), { force: true });
        }
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    if (!options.inMemory) rmSync(lockFile(dataDir), { force: true });
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new Error(
        `Port ${options.port} is taken, so the embedded database cannot listen on it. Set EMBEDDED_DB_PORT to a free port.`,
      );
    }
    throw error;
  }
}

/** For the admin CLI: use the running portal's embedded server, or serve the data directory ourselves. */
export async function connectOrStartEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const running = await findRunningEmbeddedDatabase(path.resolve(options.dataDir));
  if (running) return { url: running.url, owned: false, stop: async () => undefined };
  return startEmbeddedDatabase(options);
}

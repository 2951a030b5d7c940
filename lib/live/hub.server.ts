// The live hub: one LISTEN connection per web process (per replica) on the `portal_live` channel, fanning
// each announced change out to the event streams open on this process. A change's data is loaded once per
// replica (the topic's `load`), however many viewers watch it. See ADR 019.
//
// The embedded database (PGlite behind pglite-socket) runs every connection on one backend session, so a
// notification goes to whichever connection commits, not to the listener (see lib/worker/worker.ts): there
// the hub reports itself unavailable and pages keep polling.
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { LIVE_CHANNEL, parseLiveChange, type LiveChange, type LiveMessage } from "@/lib/live/messages";

export type LiveListener = (message: LiveMessage) => void;
/** Loads what a change made, once for every viewer of the topic on this replica; undefined: viewers refetch. */
export type LiveLoader = (change: LiveChange) => Promise<unknown>;

interface Subscriber {
  listener: LiveListener;
  /** The hub lost its connection: the stream ends, and the browser reconnects (or polls meanwhile). */
  onClose: () => void;
}

interface Topic {
  subscribers: Set<Subscriber>;
  load?: LiveLoader;
  /** Changes of one topic are delivered in the order they were announced. */
  chain: Promise<void>;
}

export type LiveHubState = "idle" | "connecting" | "listening" | "unavailable" | "stopped";

/** After a failed connection, streams are refused (pages poll) for this long before the next try. */
const RETRY_AFTER_FAILURE_MS = 5_000;

export class LiveHub {
  state: LiveHubState = "idle";
  readonly counters = { notifications: 0, delivered: 0, connections: 0 };
  private client: pg.Client | undefined;
  private connecting: Promise<boolean> | undefined;
  private failedAt = 0;
  private readonly topics = new Map<string, Topic>();

  constructor(private readonly databaseUrl: () => string | undefined) {}

  /** True once this process LISTENs; false where it cannot (embedded database, database down, shutting down). */
  async ensureListening(): Promise<boolean> {
    if (this.state === "listening") return true;
    if (this.state === "unavailable" || this.state === "stopped") return false;
    if (Date.now() - this.failedAt < RETRY_AFTER_FAILURE_MS) return false;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<boolean> {
    const url = this.databaseUrl();
    if (!url) {
      this.state = "unavailable";
      return false;
    }
    this.state = "connecting";
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      const { rows } = await client.query<{ version: string }>("SELECT version()");
      if (/emscripten|wasm/i.test(rows[0]?.version ?? "")) {
        this.state = "unavailable";
        await client.end().catch(() => undefined);
        return false;
      }
      client.on("notification", (notification) => {
        if (notification.channel === LIVE_CHANNEL && notification.payload) this.dispatch(notification.payload);
      });
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      this.client = client;
      this.counters.connections++;
      this.state = this.state === "connecting" ? "listening" : this.state;
      return this.state === "listening";
    } catch {
      this.failedAt = Date.now();
      if (this.state === "connecting") this.state = "idle";
      await client.end().catch(() => undefined);
      return false;
    }
  }

  /** The connection dropped: whatever was announced meanwhile is lost to us, so every stream ends and resyncs. */
  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = undefined;
    this.failedAt = Date.now();
    if (this.state === "listening") this.state = "idle";
    this.closeAll();
    void client.end().catch(() => undefined);
  }

  subscribe(topicKey: string, listener: LiveListener, options: { load?: LiveLoader; onClose: () => void }): () => void {
    let topic = this.topics.get(topicKey);
    if (!topic) {
      topic = { subscribers: new Set(), load: options.load, chain: Promise.resolve() };
      this.topics.set(topicKey, topic);
    }
    const subscriber: Subscriber = { listener, onClose: options.onClose };
    topic.subscribers.add(subscriber);
    return () => {
      const current = this.topics.get(topicKey);
      if (!current) return;
      current.subscribers.delete(subscriber);
      if (current.subscribers.size === 0) this.topics.delete(topicKey);
    };
  }

  /** Streams open on this process, for /metrics. */
  subscriberCount(): number {
    let count = 0;
    for (const topic of this.topics.values()) count += topic.subscribers.size;
    return count;
  }

  private dispatch(payload: string) {
    this.counters.notifications++;
    const change = parseLiveChange(payload);
    if (!change) return;
    const topic = this.topics.get(change.topic);
    if (!topic) return;
    topic.chain = topic.chain.then(async () => {
      let data: unknown;
      try {
        data = topic.load ? await topic.load(change) : undefined;
      } catch {
        data = undefined; // The viewers refetch it themselves.
      }
      const message: LiveMessage = { part: change.part, ...(change.rowId ? { rowId: change.rowId } : {}), ...(data !== undefined ? { data } : {}) };
      for (const subscriber of [...topic.subscribers]) {
        try {
          subscriber.listener(message);
          this.counters.delivered++;
        } catch {
          // A stream that cannot take more is closed by its own error handling.
        }
      }
    });
  }

  private closeAll() {
    for (const topic of this.topics.values()) for (const subscriber of [...topic.subscribers]) subscriber.onClose();
  }

  /** On SIGTERM: end every stream (so the server can drain and exit) and stop listening. */
  async stop(): Promise<void> {
    this.state = "stopped";
    this.closeAll();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

const globalForHub = globalThis as unknown as { portalLiveHub?: LiveHub };

/** This process's hub (one per process, whichever route bundle asks first). */
export function liveHub(): LiveHub {
  if (!globalForHub.portalLiveHub) {
    const hub = new LiveHub(() => env().DATABASE_URL);
    globalForHub.portalLiveHub = hub;
    // Streams never end by themselves: end them when the server is asked to stop, so it can drain.
    process.once("SIGTERM", () => void hub.stop());
    process.once("SIGINT", () => void hub.stop());
  }
  return globalForHub.portalLiveHub;
}

/** For tests: a hub of their own on a given database. */
export function createLiveHub(databaseUrl: string): LiveHub {
  return new LiveHub(() => databaseUrl);
}

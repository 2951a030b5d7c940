// Live updates: what PostgreSQL announces on the `portal_live` channel and what a page's event stream
// carries. Pure: shared by the hub (server), the stream routes and the browser hook. See ADR 019.

/** The channel the database triggers NOTIFY on (migration 20261206130000_scale). */
export const LIVE_CHANNEL = "portal_live";

/** What a page subscribes to: one incident, one meeting or one request. */
export type LiveTopicKind = "incident" | "meeting" | "request";
export type LiveTopic = `${LiveTopicKind}:${string}`;

/** One change, as a trigger announces it: "incident:<id> timeline <eventId>", "meeting:<id> state", … */
export interface LiveChange {
  topic: LiveTopic;
  /** Which part of the subject changed: timeline, detail, state, comments, approvals. */
  part: string;
  /** The changed row, when the part is a list (a timeline event's id). */
  rowId?: string;
}

/** What a stream sends for a change: the change, and (where the server loaded it once for every viewer) its new data. */
export interface LiveMessage {
  part: string;
  rowId?: string;
  data?: unknown;
}

const topicKinds = new Set<string>(["incident", "meeting", "request"]);

export const liveTopic = (kind: LiveTopicKind, id: string): LiveTopic => `${kind}:${id}`;

/** Reads a notification's payload; undefined for anything that is not one of ours. */
export function parseLiveChange(payload: string): LiveChange | undefined {
  const [topic, part, rowId, ...rest] = payload.split(" ");
  if (!topic || !part || rest.length > 0) return undefined;
  const colon = topic.indexOf(":");
  if (colon <= 0 || colon === topic.length - 1 || !topicKinds.has(topic.slice(0, colon))) return undefined;
  return { topic: topic as LiveTopic, part, ...(rowId ? { rowId } : {}) };
}

/** One Server-Sent Events frame. Data is one line of JSON (JSON never holds a raw newline). */
export function sseFrame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data ?? {})}\n\n`;
}

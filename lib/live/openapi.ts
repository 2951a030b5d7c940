// The live event streams (Server-Sent Events), one per page that follows changes. ADR 019.
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";

const tags = ["Live updates"];
const stream = (what: string, parts: string) => ({
  200: {
    description: `An event stream (text/event-stream): \`ready\` once subscribed, then \`change\` with JSON \`{ "part", "rowId"?, "data"? }\` for each change to ${what} (${parts}), committed through any replica, within about a second; a comment every 20 s; the stream ends after 5 minutes and the client reconnects.`,
    contentType: "text/event-stream",
    schema: z.string(),
  },
  503: { description: "Live updates are not available on this server (the embedded database): poll the resource instead" },
});
const id = (what: string) => ({ name: "id", in: "path" as const, description: `The ${what}'s id`, required: true });

export const liveOperations: Operation[] = [
  { method: "get", path: "/api/v1/incidents/{id}/stream", summary: "Follow an incident: its timeline events and changes, pushed", tags, params: [id("incident")], responses: stream("the incident", "`timeline` with the event as `data`, `detail` with the incident as `data`") },
  { method: "get", path: "/api/v1/meetings/{id}/stream", summary: "Follow a meeting: the presenter's slide, the timers and what is recorded", tags, params: [id("meeting")], responses: stream("the meeting", "`state`: fetch the meeting again") },
  { method: "get", path: "/api/v1/requests/{id}/stream", summary: "Follow a request: status, revisions, comments and approvals", tags, params: [id("request")], responses: stream("the request", "`detail`, `comments` or `approvals`: fetch that part again") },
];

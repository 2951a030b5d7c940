// A page's event stream (Server-Sent Events) on one live topic: `ready` once subscribed, then a `change`
// per announced change, a comment every 20 s so proxies keep the connection, and an end after 5 minutes
// (the browser reconnects at once, and the reconnection checks access again). 503 where the hub cannot
// listen (the embedded database): pages then poll.
import "server-only";
import { NextResponse } from "next/server";
import { liveHub, type LiveLoader } from "@/lib/live/hub.server";
import { sseFrame, type LiveTopic } from "@/lib/live/messages";

const HEARTBEAT_MS = 20_000;
/** Streams are re-authorized at least this often: a member removed from the team stops hearing within it. */
const MAX_STREAM_MS = 5 * 60_000;
/** What the browser waits before reconnecting a dropped stream. */
const RECONNECT_MS = 1_000;

/** A change's frame is encoded once, however many streams on this process send it. */
const encodedFrames = new WeakMap<object, Uint8Array>();
const encoder = new TextEncoder();
function changeFrame(message: object): Uint8Array {
  let frame = encodedFrames.get(message);
  if (!frame) {
    frame = encoder.encode(sseFrame("change", message));
    encodedFrames.set(message, frame);
  }
  return frame;
}

export async function liveStreamResponse(request: Request, topic: LiveTopic, options: { load?: LiveLoader } = {}): Promise<Response> {
  const hub = liveHub();
  if (!(await hub.ensureListening())) {
    return NextResponse.json(
      { error: { code: "live_unavailable", message: "Live updates are not available on this server (the embedded database cannot announce changes); poll instead." } },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "30" } },
    );
  }
  let stop = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (chunk: string | Uint8Array) => {
        if (closed) return;
        try {
          controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
        } catch {
          close();
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        unsubscribe();
        request.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const unsubscribe = hub.subscribe(topic, (message) => send(changeFrame(message)), { load: options.load, onClose: close });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const lifetime = setTimeout(close, MAX_STREAM_MS);
      request.signal.addEventListener("abort", close);
      stop = close;
      send(`retry: ${RECONNECT_MS}\n\n${sseFrame("ready", { topic })}`);
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would hold events back until a buffer fills.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

"use client";
// Follows a live topic over Server-Sent Events (ADR 019). `live` is true while the stream is open: pages
// stop polling then, and poll again (as their fallback) whenever it is down. A message with part "resync"
// means changes may have been missed (the stream came back after a drop): refetch everything once.
import { useEffect, useRef, useState } from "react";
import type { LiveMessage } from "@/lib/live/messages";

/** After the server refused a stream (embedded database: 503), ask again this much later. */
const RETRY_REFUSED_MS = 60_000;

export function useLiveUpdates(url: string | null, onMessage: (message: LiveMessage) => void): { live: boolean } {
  const [live, setLive] = useState(false);
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  });

  useEffect(() => {
    if (!url || typeof EventSource === "undefined") return;
    let source: EventSource | undefined;
    let retry: number | undefined;
    let opened = false;
    let disposed = false;
    const open = () => {
      source = new EventSource(url, { withCredentials: true });
      source.addEventListener("ready", () => {
        setLive(true);
        // The stream came back (a drop, a server's 5-minute limit, another replica): catch up once.
        if (opened) handler.current({ part: "resync" });
        opened = true;
      });
      source.addEventListener("change", (event) => {
        try {
          handler.current(JSON.parse((event as MessageEvent<string>).data) as LiveMessage);
        } catch {
          handler.current({ part: "resync" });
        }
      });
      source.addEventListener("error", () => {
        setLive(false);
        // The browser reconnects a dropped stream by itself; one the server refused stays closed.
        if (source?.readyState === EventSource.CLOSED && !disposed) {
          source.close();
          retry = window.setTimeout(open, RETRY_REFUSED_MS);
        }
      });
    };
    open();
    return () => {
      disposed = true;
      window.clearTimeout(retry);
      source?.close();
      setLive(false);
    };
  }, [url]);

  return { live };
}

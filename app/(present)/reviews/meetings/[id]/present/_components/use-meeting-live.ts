"use client";
// Meeting mode follows its presenter: every change to the meeting (the presenter's slide and timers, a
// takeover, what is recorded) is pushed over the meeting's event stream and fetched once; while the
// stream is down, the meeting is polled every 3 s instead. ADR 019.
import { useCallback, useEffect } from "react";
import { apiCall } from "@/lib/api/client";
import type { MeetingDetail } from "@/lib/reviews/meetings-schema";
import { useLiveUpdates } from "@/components/live/use-live-updates";

/** The fallback's pace: a follower is at most this far behind while the live stream is down. */
const POLL_MS = 3_000;

export function useMeetingLive(meetingId: string, onMeeting: (meeting: MeetingDetail) => void): { live: boolean } {
  const refresh = useCallback(() => {
    apiCall<MeetingDetail>(`/meetings/${encodeURIComponent(meetingId)}`).then(onMeeting, () => undefined);
  }, [meetingId, onMeeting]);
  const { live } = useLiveUpdates(`/api/v1/meetings/${encodeURIComponent(meetingId)}/stream`, refresh);
  useEffect(() => {
    if (live) return;
    const timer = window.setInterval(refresh, POLL_MS);
    return () => window.clearInterval(timer);
  }, [live, refresh]);
  return { live };
}

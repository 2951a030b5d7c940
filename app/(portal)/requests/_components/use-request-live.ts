"use client";
// The request page follows its request over the request's event stream (ADR 019): a change of status or
// revision, a comment or an approval made anywhere refreshes exactly that part within a second. Returns
// whether the stream is open; the page's queries poll only while it is not.
import { useQueryClient } from "@tanstack/react-query";
import { useLiveUpdates } from "@/components/live/use-live-updates";
import { artifactKeys } from "@/lib/artifacts/query-keys";
import { requestKeys } from "@/lib/requests/query-keys";
import { reviewKeys } from "@/lib/reviews/query-keys";

export function useRequestLive(requestId: string): boolean {
  const queryClient = useQueryClient();
  const { live } = useLiveUpdates(`/api/v1/requests/${encodeURIComponent(requestId)}/stream`, (message) => {
    const refresh = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
    if (message.part === "comments") return refresh(requestKeys.comments(requestId));
    if (message.part === "approvals") {
      refresh(reviewKeys.approvals(requestId));
      return refresh([...reviewKeys.all, "decisions"]);
    }
    // detail, or a resync: the request and everything that hangs on its revision and status.
    refresh(requestKeys.detail(requestId));
    refresh(reviewKeys.approvals(requestId));
    refresh(artifactKeys.revision(requestId, "current"));
  });
  return live;
}

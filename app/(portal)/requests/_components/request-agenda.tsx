// Where the request is up for review: the scheduled and running meetings of the actor's teams that have it
// on their agenda, each a link to the meeting. A server component, rendered above the request's tabs.
import Link from "next/link";
import { CalendarClock } from "lucide-react";
import type { Actor } from "@/lib/auth/actor";
import { formatDateTime } from "@/lib/format";
import { listMeetingsOfRequest } from "@/lib/reviews/meetings.server";

export async function RequestAgenda({ actor, requestId }: { actor: Actor; requestId: string }) {
  const meetings = await listMeetingsOfRequest(actor, requestId);
  if (meetings.length === 0) return null;
  return (
    <aside className="mb-6 flex items-start gap-3 rounded-md border border-border bg-surface px-4 py-3 text-base" aria-label="Review meetings" data-testid="request-agenda">
      <CalendarClock aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-fg-muted" />
      <ul className="flex flex-col gap-1">
        {meetings.map((meeting) => (
          <li key={meeting.id}>
            {meeting.status === "IN_PROGRESS" ? "Being reviewed now in " : "On the agenda of "}
            <Link href={`/reviews/meetings/${meeting.id}`} className="link font-medium">
              {meeting.title}
            </Link>
            , <time dateTime={meeting.scheduledAt}>{formatDateTime(meeting.scheduledAt)}</time>
          </li>
        ))}
      </ul>
    </aside>
  );
}

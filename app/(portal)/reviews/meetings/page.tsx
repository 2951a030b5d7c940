import type { Metadata } from "next";
import Link from "next/link";
import { CalendarClock, Download, FileText, Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DecisionStatusBadge } from "@/components/reviews/decision-status-badge";
import { requirePageActor } from "@/lib/auth/session";
import { formatDateTime, formatRelative } from "@/lib/format";
import { meetingStatusLabels, type MeetingSummary } from "@/lib/reviews/meetings-schema";
import { listMeetingsOverview } from "@/lib/reviews/meetings-overview.server";

export const metadata: Metadata = { title: "Meetings" };

function MeetingLine({ meeting, now, children }: { meeting: MeetingSummary; now: Date; children?: React.ReactNode }) {
  const at = meeting.status === "ENDED" ? (meeting.endedAt ?? meeting.scheduledAt) : meeting.scheduledAt;
  return (
    <li className="flex flex-col gap-2 rounded-md border border-border bg-surface p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 className="min-w-0 text-lg font-semibold break-words">
          <Link href={`/reviews/meetings/${meeting.id}`}>{meeting.title}</Link>
        </h3>
        <Badge tone={meeting.status === "IN_PROGRESS" ? "warning" : meeting.status === "ENDED" ? "nodata" : "info"}>{meetingStatusLabels[meeting.status]}</Badge>
      </div>
      <p className="text-base text-fg-muted">
        {meeting.team.name} · <time dateTime={at} title={formatDateTime(at)}>{meeting.status === "ENDED" ? `ended ${formatRelative(at, now)}` : `${formatDateTime(at)} (${formatRelative(at, now)})`}</time> · {meeting.itemCount}{" "}
        {meeting.itemCount === 1 ? "request" : "requests"} on the agenda
      </p>
      {children}
    </li>
  );
}

export default async function MeetingsPage() {
  const actor = await requirePageActor();
  const { upcoming, past } = await listMeetingsOverview(actor);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Meetings"
        eyebrow={<Link href="/reviews">Reviews</Link>}
        description="Your teams' review meetings: the ones to come, and the past ones with their minutes and the decisions taken in them."
        actions={
          <Link href="/reviews/meetings/new" className={buttonVariants({ size: "lg" })}>
            <Plus aria-hidden="true" /> Schedule a meeting
          </Link>
        }
      />
      <section aria-labelledby="upcoming-heading" className="mb-10">
        <h2 id="upcoming-heading" className="mb-3 text-xl font-semibold">
          Upcoming ({upcoming.length})
        </h2>
        {upcoming.length === 0 ? (
          <EmptyState icon={<CalendarClock />} title="No meeting is scheduled" description="Schedule one to review the requests waiting in your teams." />
        ) : (
          <ul className="flex flex-col gap-3">
            {upcoming.map((meeting) => (
              <MeetingLine key={meeting.id} meeting={meeting} now={now} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading" className="mb-3 text-xl font-semibold">
          Past ({past.length})
        </h2>
        {past.length === 0 ? (
          <p className="text-base text-fg-muted">No meeting has ended yet. Their minutes appear here once they do.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {past.map((meeting) => (
              <MeetingLine key={meeting.id} meeting={meeting} now={now}>
                <div className="flex flex-wrap gap-2">
                  <Link href={`/reviews/meetings/${meeting.id}#minutes`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                    <FileText aria-hidden="true" /> Minutes
                  </Link>
                  <a href={`/api/v1/meetings/${meeting.id}/minutes.md`} download className={buttonVariants({ variant: "ghost", size: "sm" })}>
                    <Download aria-hidden="true" /> Minutes as Markdown
                  </a>
                </div>
                {meeting.decisions.length > 0 ? (
                  <div>
                    <h4 className="text-sm font-semibold text-fg-muted">Decisions taken</h4>
                    <ul className="mt-1 flex flex-col gap-1">
                      {meeting.decisions.map((decision) => (
                        <li key={decision.id} className="flex flex-wrap items-center gap-2 text-base">
                          <Link href={`/decisions/${decision.id}`}>
                            {decision.reference}: {decision.title}
                          </Link>
                          <DecisionStatusBadge status={decision.status} />
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : (
                  <p className="text-sm text-fg-muted">No decision was recorded in this meeting.</p>
                )}
              </MeetingLine>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

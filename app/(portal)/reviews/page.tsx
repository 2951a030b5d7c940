import type { Metadata } from "next";
import Link from "next/link";
import { CalendarClock, Plus, Presentation } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar } from "@/components/filters/filter-bar";
import { roles } from "@/lib/agents/registry";
import { listMyTeams, requirePageActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime, formatRelative } from "@/lib/format";
import { getReviewBoard, type BoardCard as Card } from "@/lib/reviews/board.server";
import { meetingStatusLabels } from "@/lib/reviews/meetings-schema";
import { BoardCard } from "./_components/board-card";

export const metadata: Metadata = { title: "Reviews" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function ReviewBoardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const query = await searchParams;
  const teams = await listMyTeams(actor);
  const team = teams.some((candidate) => candidate.slug === one(query.team)) ? one(query.team) : undefined;
  const role = roles.some((candidate) => candidate.key === one(query.role)) ? one(query.role) : undefined;
  const board = await getReviewBoard(actor, { team, role }).catch((error: unknown) => {
    if (error instanceof NotFoundError) return getReviewBoard(actor, {});
    throw error;
  });
  const now = new Date();
  const filtered = Boolean(team || role);
  const total = board.meetings.reduce((sum, meeting) => sum + meeting.cards.length, 0) + board.unscheduled.length;

  return (
    <>
      <PageHeader
        title="Reviews"
        description="Requests waiting for review across your teams, by the meeting that will look at them."
        actions={
          <>
            <Link href="/reviews/meetings" className={buttonVariants({ size: "lg", variant: "secondary" })}>
              <CalendarClock aria-hidden="true" /> All meetings and minutes
            </Link>
            {board.schedulableTeams.length > 0 && (
              <Link href={`/reviews/meetings/new${team ? `?team=${encodeURIComponent(team)}` : ""}`} className={buttonVariants({ size: "lg" })}>
                <Plus aria-hidden="true" /> Schedule a meeting
              </Link>
            )}
          </>
        }
      />

      <FilterBar
        label="Filter the board"
        className="mb-8"
        fields={[
          { kind: "select", name: "team", label: "Team", anyLabel: "All my teams", options: teams.map((candidate) => ({ value: candidate.slug, label: candidate.name })) },
          { kind: "select", name: "role", label: "Role", anyLabel: "All roles", options: roles.map((candidate) => ({ value: candidate.key, label: candidate.title })) },
        ]}
        summary={total === 1 ? "1 request waiting for review" : `${total} requests waiting for review`}
      />

      <div className="flex flex-col gap-10">
        {board.meetings.map((meeting) => (
          <section key={meeting.id} aria-labelledby={`meeting-${meeting.id}`} className="flex flex-col gap-3">
            <div className="flex flex-wrap items-center gap-3">
              <CalendarClock aria-hidden="true" className="size-6 text-fg-muted" />
              <h2 id={`meeting-${meeting.id}`} className="text-2xl font-semibold">
                <Link href={`/reviews/meetings/${meeting.id}`} className="text-link underline-offset-4 hover:underline">
                  {meeting.title}
                </Link>
              </h2>
              <Badge tone={meeting.status === "IN_PROGRESS" ? "warning" : "info"}>{meetingStatusLabels[meeting.status]}</Badge>
              <span className="text-base text-fg-muted">
                {meeting.team.name} · <time dateTime={meeting.scheduledAt}>{formatDateTime(meeting.scheduledAt)}</time> ({formatRelative(meeting.scheduledAt, now)}) · {meeting.durationMinutes} min
              </span>
              {board.schedulableTeams.some((candidate) => candidate.slug === meeting.team.slug) && (
                <Link href={`/reviews/meetings/${meeting.id}/present`} className={buttonVariants({ variant: "secondary", size: "sm", className: "ml-auto" })}>
                  <Presentation aria-hidden="true" /> {meeting.status === "IN_PROGRESS" ? "Rejoin meeting mode" : "Start meeting mode"}
                </Link>
              )}
            </div>
            <Cards cards={meeting.cards} now={now} empty={meeting.hiddenCount > 0 ? "No agenda item matches the filters." : "Nothing on the agenda waits for review any more."} ordered />
          </section>
        ))}

        <section aria-labelledby="not-scheduled" className="flex flex-col gap-3">
          <h2 id="not-scheduled" className="text-2xl font-semibold">
            Not scheduled
          </h2>
          {board.unscheduled.length === 0 && board.meetings.length === 0 ? (
            <EmptyState
              icon={<Presentation />}
              title={filtered ? "No request waiting for review matches the filters" : "No request is waiting for review"}
              description={filtered ? "Clear the filters to see every team and role." : "Submitted requests appear here until a meeting puts them on its agenda."}
            />
          ) : (
            <Cards cards={board.unscheduled} now={now} empty="Every request waiting for review is on an agenda." />
          )}
        </section>

        {board.changesRequested.length > 0 && (
          <section aria-labelledby="changes-requested" className="flex flex-col gap-3">
            <h2 id="changes-requested" className="text-2xl font-semibold">
              Changes requested
            </h2>
            <p className="text-base text-fg-muted">Sent back to their authors; they return to the board when resubmitted.</p>
            <Cards cards={board.changesRequested} now={now} empty="" />
          </section>
        )}
      </div>
    </>
  );
}

function Cards({ cards, now, empty, ordered = false }: { cards: Card[]; now: Date; empty: string; ordered?: boolean }) {
  if (cards.length === 0) return <p className="rounded-md border border-dashed border-border-strong p-4 text-base text-fg-muted">{empty}</p>;
  const List = ordered ? "ol" : "ul";
  return (
    <List className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
      {cards.map((card) => (
        <BoardCard key={card.id} card={card} now={now} />
      ))}
    </List>
  );
}

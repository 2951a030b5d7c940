// One request on the review board: what it is, whose, which revision, how long it has waited, and where its
// required approvals stand.
import Link from "next/link";
import { CircleCheck, Clock } from "lucide-react";
import { RequestStatusBadge } from "@/components/requests/status-badge";
import { formatRelative } from "@/lib/format";
import type { RequestStatus } from "@/lib/generated/prisma/browser";
import type { BoardCard as Card } from "@/lib/reviews/board.server";

export function BoardCard({ card, now }: { card: Card; now: Date }) {
  return (
    <li className="flex flex-col gap-2 rounded-md border border-border bg-surface p-4" data-testid="board-card">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Link href={`/requests/${card.id}`} className="text-lg font-semibold text-link underline-offset-4 hover:underline">
          {card.title || "Untitled request"}
        </Link>
        <RequestStatusBadge status={card.status as RequestStatus} />
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-base text-fg-muted">
        <div className="flex gap-1.5">
          <dt className="sr-only">Team</dt>
          <dd>{card.team.name}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="sr-only">Role</dt>
          <dd>{card.role.title}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt>Revision</dt>
          <dd className="font-medium text-fg">{card.revision}</dd>
        </div>
        <div className="flex items-center gap-1.5">
          <dt>
            <Clock aria-hidden="true" className="size-4" />
            <span className="sr-only">Waiting since</span>
          </dt>
          <dd>
            <time dateTime={card.waitingSince}>submitted {formatRelative(card.waitingSince, now)}</time>
          </dd>
        </div>
        <div className={card.approvals.satisfied ? "flex items-center gap-1.5 font-medium text-healthy-fg" : "flex items-center gap-1.5"}>
          <dt>
            <CircleCheck aria-hidden="true" className="size-4" />
            <span className="sr-only">Required approvals</span>
          </dt>
          <dd>
            <span className="font-medium text-fg">
              {card.approvals.met}/{card.approvals.needed}
            </span>{" "}
            approvals
          </dd>
        </div>
        {card.timeboxMinutes !== undefined && (
          <div className="flex gap-1.5">
            <dt>Time box</dt>
            <dd className="font-medium text-fg">{card.timeboxMinutes} min</dd>
          </div>
        )}
      </dl>
    </li>
  );
}

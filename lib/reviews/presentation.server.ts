// What meeting mode shows: per agenda item, its request's key figures and diagrams (from the stored
// artifacts of its current revision), its open comments, and where its required approvals stand; plus the
// team's members, who can own action items.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { SummaryFigure } from "@/lib/agents/generator";
import { getRevisionArtifacts } from "@/lib/artifacts/artifacts.server";
import { DomainError, NotFoundError } from "@/lib/errors";
import { listComments } from "@/lib/requests/requests.server";
import type { RequestCommentView } from "@/lib/requests/schema";
import { getApprovalState } from "@/lib/reviews/approvals.server";
import { approvalSummary } from "@/lib/reviews/board.server";
import { getMeeting, getMeetingMembers } from "@/lib/reviews/meetings.server";
import type { MeetingDetail, Person } from "@/lib/reviews/meetings-schema";

export interface PresentationSlide {
  agendaItemId: string;
  summary: SummaryFigure[];
  diagrams: { path: string; content: string }[];
  /** Every open comment, oldest first: what the meeting still has to talk about. */
  openComments: RequestCommentView[];
  /** Resolved comments are only counted on the slide. */
  resolvedCount: number;
  /** Whether the actor may resolve comments of this request (members and up of its team). */
  canResolveComments: boolean;
  approvals: {
    revision: number;
    met: number;
    needed: number;
    satisfied: boolean;
    required: { label: string; count: number; met: number }[];
    canReview: boolean;
    reason: string | null;
  };
}

export interface MeetingPresentation {
  meeting: MeetingDetail;
  slides: PresentationSlide[];
  members: Person[];
}

async function slideOf(actor: Actor, meeting: MeetingDetail, item: MeetingDetail["agenda"][number]): Promise<PresentationSlide> {
  const [artifacts, comments, approvals] = await Promise.all([
    // A request whose role left the catalogue has no artifacts to show; its slide still shows the rest.
    getRevisionArtifacts(actor, item.request.id).catch((error: unknown) => {
      if (error instanceof DomainError) return null;
      throw error;
    }),
    listComments(actor, item.request.id),
    getApprovalState(actor, item.request.id),
  ]);
  const openComments = comments.filter((comment) => comment.resolvedAt === null);
  return {
    agendaItemId: item.id,
    summary: artifacts?.summary ?? [],
    diagrams: (artifacts?.diagrams ?? []).map((diagram) => ({ path: diagram.path, content: diagram.content })),
    openComments,
    resolvedCount: comments.length - openComments.length,
    // The agenda's requests are of the meeting's team (ADR 013): its role there is the role on the request.
    canResolveComments: meeting.permissions.canEdit,
    approvals: {
      revision: approvals.revision,
      ...approvalSummary(approvals.required, approvals.satisfied),
      required: approvals.required.map((rule) => ({ label: rule.label, count: rule.count, met: rule.met })),
      canReview: approvals.permissions.canReview,
      reason: approvals.permissions.reason,
    },
  };
}

export async function getMeetingPresentation(actor: Actor, id: string): Promise<MeetingPresentation> {
  const meeting = await getMeeting(actor, id);
  const [slides, members] = await Promise.all([Promise.all(meeting.agenda.map((item) => slideOf(actor, meeting, item))), getMeetingMembers(actor, meeting.team.slug)]);
  return { meeting, slides, members };
}

/** One slide again, after something was recorded on it (an approval changes its figures). */
export async function getPresentationSlide(actor: Actor, meetingId: string, agendaItemId: string): Promise<PresentationSlide> {
  const meeting = await getMeeting(actor, meetingId);
  const item = meeting.agenda.find((candidate) => candidate.id === agendaItemId);
  if (!item) throw new NotFoundError("Agenda item");
  return slideOf(actor, meeting, item);
}

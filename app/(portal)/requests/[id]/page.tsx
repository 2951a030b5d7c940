import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor, currentTeam } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { getRequest, listComments, listRevisions } from "@/lib/requests/requests.server";
import { getApprovalState } from "@/lib/reviews/approvals.server";
import { listRequestDecisions } from "@/lib/reviews/decisions.server";
import { RequestView } from "../_components/request-view";
import { RequestAgenda } from "../_components/request-agenda";
import { RequestLinks } from "../_components/request-links";
import { PublicationsPanel } from "../_components/publications-panel";
import { listPublications } from "@/lib/artifacts/publications.server";

export const metadata: Metadata = { title: "Request" };

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const loaded = await Promise.all([getRequest(actor, id), listRevisions(actor, id), listComments(actor, id), currentTeam(actor)]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [request, revisions, comments, team] = loaded;
  const [approvals, decisions] = request.status === "DRAFT" ? [null, []] : await Promise.all([getApprovalState(actor, id), listRequestDecisions(actor, id)]);
  // The portal's own records only: the page never waits on a Git server.
  const publications = request.status === "DRAFT" ? null : await listPublications(actor, id);
  return (
    <RequestView
      initialRequest={request}
      initialRevisions={revisions}
      initialComments={comments}
      currentUserId={actor.userId}
      canCopy={team !== undefined && roleAllows(team.role, "edit")}
      currentTeamName={team?.name ?? null}
      links={
        <>
          <RequestAgenda actor={actor} requestId={request.id} />
          {publications && <PublicationsPanel requestId={request.id} initial={publications} />}
          <RequestLinks actor={actor} requestId={request.id} roleKey={request.role.key} currentRevision={request.currentRevision} />
        </>
      }
      initialApprovals={approvals}
      initialDecisions={decisions}
      canDecide={request.permissions.role === "OWNER" || request.permissions.role === "MAINTAINER"}
    />
  );
}

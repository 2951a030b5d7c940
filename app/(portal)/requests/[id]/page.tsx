import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requirePageActor, currentTeam } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { getRequest, listComments, listRevisions } from "@/lib/requests/requests.server";
import { getApprovalState } from "@/lib/reviews/approvals.server";
import { listRequestDecisions } from "@/lib/reviews/decisions.server";
import { WithRole } from "@/components/roles/with-role";
import { RequestView } from "../_components/request-view";
import { RequestAgenda } from "../_components/request-agenda";
import { RequestLinks } from "../_components/request-links";
import { PublicationsPanel } from "../_components/publications-panel";
import { listPublications } from "@/lib/artifacts/publications.server";
import { getApprovalCoverage } from "@/lib/reviews/coverage.server";
import { getRole, isRoleKey } from "@/lib/agents/registry";
import { provisionalTitle } from "@/lib/requests/draft-title";
import { ApprovalCoverageNotice } from "@/components/reviews/approval-coverage-notice";

// generateMetadata and the page both need the request: read it once per render.
const loadRequest = cache(getRequest);

/** The browser title is the request's own. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const actor = await requirePageActor();
  const { id } = await params;
  try {
    const request = await loadRequest(actor, id);
    const role = isRoleKey(request.role.key) ? getRole(request.role.key) : undefined;
    return { title: request.title || (role && provisionalTitle(role, request.draft)) || `Untitled ${request.role.title.toLowerCase()} draft` };
  } catch {
    return { title: "Request" };
  }
}

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const loaded = await Promise.all([loadRequest(actor, id), listRevisions(actor, id), listComments(actor, id), currentTeam(actor)]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [request, revisions, comments, team] = loaded;
  const draft = request.status === "DRAFT";
  // Before it is approved: say so when nobody besides the author may approve this role's requests.
  const awaitingApproval = ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED"].includes(request.status);
  const [approvals, decisions, publications, coverage] = await Promise.all([
    draft ? null : getApprovalState(actor, id),
    draft ? [] : listRequestDecisions(actor, id),
    // The portal's own records only: the page never waits on a Git server.
    draft ? null : listPublications(actor, id),
    awaitingApproval ? getApprovalCoverage(actor, { slug: request.team.slug }, request.role.key, request.author?.id ?? null) : null,
  ]);
  return (
    <WithRole roleKey={request.role.key}>
      <RequestView
        initialRequest={request}
        initialRevisions={revisions}
        initialComments={comments}
        currentUserId={actor.userId}
        canCopy={team !== undefined && roleAllows(team.role, "edit")}
        currentTeamName={team?.name ?? null}
        notice={
          coverage && (
            <ApprovalCoverageNotice
              gaps={coverage.gaps}
              roleTitle={request.role.title}
              teamName={coverage.team.name}
              canManage={coverage.canManage}
              readerIsAuthor={request.author?.id === actor.userId}
            />
          )
        }
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
    </WithRole>
  );
}

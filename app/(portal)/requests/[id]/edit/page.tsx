import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ArrowLeft, History } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { RoleForm } from "@/components/forms/role-form";
import { WithRole } from "@/components/roles/with-role";
import { getRole } from "@/lib/agents/registry";
import type { FormValues } from "@/lib/agents/types";
import { requirePageActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { getRequest } from "@/lib/requests/requests.server";
import { provisionalTitle } from "@/lib/requests/draft-title";
import { getApprovalCoverage } from "@/lib/reviews/coverage.server";
import { ApprovalCoverageNotice } from "@/components/reviews/approval-coverage-notice";

export const metadata: Metadata = { title: "Edit request" };

export default async function EditRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  let request;
  try {
    request = await getRequest(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  if (!request.permissions.canEdit) redirect(`/requests/${request.id}`);
  const role = getRole(request.role.key);
  const isDraft = request.status === "DRAFT";
  // After submission, autosaved edits on top of the current revision are picked up where they were left.
  const resumed = !isDraft && request.draft !== null && request.draftBaseRevision === request.currentRevision;
  const coverage = await getApprovalCoverage(actor, { slug: request.team.slug }, role.key, request.author?.id ?? null);
  const initialValues: FormValues = (isDraft ? request.draft : resumed ? request.draft : request.input) ?? (role.initialValues as FormValues);
  return (
    <>
      <PageHeader
        title={isDraft ? `${request.title || provisionalTitle(role, request.draft) || `New request: ${role.title}`}` : `Edit “${request.title}”`}
        description={isDraft ? role.mission : `Saving creates revision ${request.currentRevision + 1}; revision ${request.currentRevision} stays in the history.`}
        eyebrow={
          <Link href={`/requests/${request.id}`} className="inline-flex items-center gap-1 text-fg-muted">
            <ArrowLeft aria-hidden="true" className="size-4" /> {request.title || provisionalTitle(role, request.draft) || "Untitled draft"}
          </Link>
        }
      />
      {resumed && (
        <p className="mb-6 flex items-center gap-2 rounded-md border border-info/40 bg-info-soft p-3 text-base text-info-fg">
          <History aria-hidden="true" className="size-4 shrink-0" />
          Picked up the unsaved edits {request.draftUpdatedBy ? `of ${request.draftUpdatedBy.name ?? request.draftUpdatedBy.email} ` : ""}from{" "}
          {formatDateTime(request.draftUpdatedAt)}. Save them as a revision, or discard them.
        </p>
      )}
      <ApprovalCoverageNotice
        gaps={coverage.gaps}
        roleTitle={role.title}
        teamName={request.team.name}
        canManage={coverage.canManage}
        readerIsAuthor={request.author?.id === actor.userId}
      />
      <WithRole roleKey={role.key}>
        <RoleForm
          roleKey={role.key}
          team={{ slug: request.team.slug, name: request.team.name }}
          mode={isDraft ? "draft" : "revise"}
          request={{ id: request.id, version: request.version, status: request.status, currentRevision: request.currentRevision }}
          initialValues={initialValues}
          initialTitle={request.title}
          savedAt={request.draftUpdatedAt ?? request.updatedAt}
        />
      </WithRole>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, Copy, Users } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RoleForm } from "@/components/forms/role-form";
import { WithRole } from "@/components/roles/with-role";
import { getRole, isRoleKey, rolesByDomain } from "@/lib/agents/registry";
import type { FormValues } from "@/lib/agents/types";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { getRequest } from "@/lib/requests/requests.server";
import { getApprovalCoverage } from "@/lib/reviews/coverage.server";
import { ApprovalCoverageNotice } from "@/components/reviews/approval-coverage-notice";

export const metadata: Metadata = { title: "New request" };

const back = (
  <Link href="/requests" className="inline-flex items-center gap-1 text-fg-muted">
    <ArrowLeft aria-hidden="true" className="size-4" /> Requests
  </Link>
);

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ role?: string; from?: string }> }) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const team = await currentTeam(actor);
  if (!team) {
    return (
      <>
        <PageHeader title="New request" eyebrow={back} />
        <EmptyState
          icon={<Users />}
          title="Join or create a team first"
          description="Requests belong to a team. Create one, or ask a team's owner to add you."
          action={
            <Link href="/settings/teams/new" className={buttonVariants()}>
              Create a team
            </Link>
          }
        />
      </>
    );
  }
  if (!roleAllows(team.role, "edit")) {
    return (
      <>
        <PageHeader title="New request" eyebrow={back} />
        <EmptyState
          icon={<Users />}
          title={`Viewers cannot start requests in ${team.name}`}
          description="Switch to a team where you are a member, or ask an owner of this team to make you a member."
        />
      </>
    );
  }

  let source: Awaited<ReturnType<typeof getRequest>> | undefined;
  if (params.from) {
    try {
      source = await getRequest(actor, params.from);
    } catch (error) {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }
  }
  const roleKey = source?.role.key ?? params.role;

  if (!roleKey || !isRoleKey(roleKey)) {
    return (
      <>
        <PageHeader
          title="New request"
          eyebrow={back}
          description={`Which specialist does ${team.name} need? Each one asks what they need to know, then produces their deliverables once the request is approved.`}
        />
        {params.role && (
          <p role="alert" className="mb-6 rounded-md bg-warning-soft p-3 text-warning-fg">
            There is no role “{params.role}”. Pick one below.
          </p>
        )}
        <div className="flex flex-col gap-8">
          {rolesByDomain()
            .filter((group) => group.roles.length > 0)
            .map((group) => (
              <section key={group.domain} aria-labelledby={`domain-${group.domain}`}>
                <h2 id={`domain-${group.domain}`} className="mb-3 text-xl font-semibold">
                  {group.title}
                </h2>
                <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
                  {group.roles.map((role) => (
                    <li key={role.key}>
                      <Link
                        href={`/requests/new?role=${role.key}`}
                        className="flex h-full flex-col gap-2 rounded-md border border-border bg-surface p-5 text-fg no-underline shadow-sm transition-colors hover:border-accent hover:bg-surface-muted"
                      >
                        <span className="text-lg font-semibold text-link">{role.title}</span>
                        <span className="text-base text-fg-muted">{role.mission}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
        </div>
      </>
    );
  }

  const role = getRole(roleKey);
  const initialValues = (source ? (source.input ?? source.draft) : null) ?? (role.initialValues as FormValues);
  const coverage = await getApprovalCoverage(actor, { slug: team.slug }, role.key, actor.userId);
  return (
    <>
      <PageHeader title={`New request: ${role.title}`} description={role.mission} eyebrow={back} />
      {source && (
        <p className="mb-6 flex items-center gap-2 rounded-md border border-info/40 bg-info-soft p-3 text-base text-info-fg">
          <Copy aria-hidden="true" className="size-4 shrink-0" />
          Starting from a copy of “{source.title || "Untitled draft"}” ({source.currentRevision ? `revision ${source.currentRevision}` : "draft"}). Change what differs, then submit.
        </p>
      )}
      <ApprovalCoverageNotice gaps={coverage.gaps} roleTitle={role.title} teamName={team.name} canManage={coverage.canManage} readerIsAuthor />
      <WithRole roleKey={role.key}>
        <RoleForm
          key={`${roleKey}-${source?.id ?? "blank"}`}
          roleKey={role.key}
          team={{ slug: team.slug, name: team.name }}
          mode="create"
          initialValues={initialValues}
          clonedFrom={source ? { id: source.id, title: source.title } : undefined}
        />
      </WithRole>
    </>
  );
}

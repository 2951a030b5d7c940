import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { roles } from "@/lib/agents/registry";
import { requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { listRequestAuthors, listRequests } from "@/lib/requests/requests.server";
import { listQueryFromSearchParams } from "@/lib/requests/schema";
import { listTeams } from "@/lib/teams/teams.server";
import { RequestsList } from "./_components/requests-list";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  let query = listQueryFromSearchParams(await searchParams);
  const [teams, authors] = await Promise.all([listTeams(actor), listRequestAuthors(actor)]);
  let initial;
  try {
    initial = await listRequests(actor, query);
  } catch (error) {
    // A hand-edited address with a bad filter shows the whole list rather than an error page.
    if (!(error instanceof DomainError)) throw error;
    query = {};
    initial = await listRequests(actor, query);
  }
  const canCreate = teams.some((team) => roleAllows(team.role, "edit"));
  return (
    <>
      <PageHeader
        title="Requests"
        description="What your teams asked the platform specialists for, and where each request is in its review."
        actions={
          canCreate && (
            <Link href="/requests/new" className={buttonVariants({ size: "lg" })}>
              <Plus aria-hidden="true" /> New request
            </Link>
          )
        }
      />
      <RequestsList
        initialQuery={query}
        initialData={initial}
        teams={teams.map((team) => ({ slug: team.slug, name: team.name }))}
        roles={roles.map((role) => ({ key: role.key, title: role.title }))}
        authors={authors}
        currentUserId={actor.userId}
        canCreate={canCreate}
      />
    </>
  );
}

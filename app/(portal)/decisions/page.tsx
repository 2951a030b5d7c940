import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { roles } from "@/lib/agents/registry";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { listDecisions } from "@/lib/reviews/decisions.server";
import { decisionStatuses, type ListDecisionsQuery } from "@/lib/reviews/schema";
import { DecisionsIndex } from "./_components/decisions-index";

export const metadata: Metadata = { title: "Decisions" };

export default async function DecisionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" && params[key] ? (params[key] as string) : undefined);
  const status = (decisionStatuses as readonly string[]).includes(one("status") ?? "") ? (one("status") as ListDecisionsQuery["status"]) : undefined;
  const role = roles.some((candidate) => candidate.key === one("role")) ? one("role") : undefined;
  if (!team) {
    return <PageHeader title="Decisions" description="Join or create a team to record its architecture decisions." />;
  }
  let list;
  try {
    list = await listDecisions(actor, team.slug, { status, role });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    list = await listDecisions(actor, team.slug);
  }
  return (
    <DecisionsIndex
      team={{ slug: team.slug, name: team.name }}
      list={list}
      filters={{ status: status ?? "", role: role ?? "" }}
      roles={roles.map((candidate) => ({ key: candidate.key, title: candidate.title }))}
      canEdit={roleAllows(team.role, "edit")}
      canDecide={roleAllows(team.role, "manage")}
    />
  );
}

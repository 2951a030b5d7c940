import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { listDeploymentHooks } from "@/lib/deployments/hooks.server";
import { listTeamServices } from "@/lib/incidents/incidents.server";
import { NoTeam } from "../_components/no-team";
import { AddHook } from "./_components/add-hook";
import { HooksList } from "./_components/hooks-list";

export const metadata: Metadata = { title: "Deployment webhooks" };

export default async function DeploymentHooksPage() {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam />;
  const header = (
    <PageHeader
      title="Deployment webhooks"
      description={`Receivers GitHub, GitLab or Argo CD send ${team.name}'s deployments to, one per service and format, each verified by its own secret. The DORA metrics are computed from them.`}
    />
  );
  if (!roleAllows(team.role, "manage")) {
    return (
      <>
        {header}
        <EmptyState title="Maintainers and owners only" description={`Ask a maintainer or owner of ${team.name} to set up a receiver, or send deployments with a team token (POST /api/v1/deployments).`} />
      </>
    );
  }
  const [{ hooks }, services] = await Promise.all([listDeploymentHooks(actor, team.slug), listTeamServices(actor, team.slug)]);
  return (
    <>
      {header}
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Add a receiver</CardTitle>
            <CardDescription>Its URL and secret go into the provider; the secret is stored encrypted and shown only once.</CardDescription>
          </CardHeader>
          <CardContent>
            {services.length ? (
              <AddHook team={team.slug} services={services.map((service) => ({ slug: service.slug, name: service.name }))} />
            ) : (
              <p>
                {team.name} has no service yet: <Link href="/services" className="link">add one to the catalog</Link> first.
              </p>
            )}
          </CardContent>
        </Card>
        <section aria-labelledby="hooks-heading" className="flex flex-col gap-3">
          <h2 id="hooks-heading" className="text-xl font-semibold">
            Receivers
          </h2>
          <HooksList hooks={hooks} />
        </section>
      </div>
    </>
  );
}

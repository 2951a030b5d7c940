import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roles } from "@/lib/agents/registry";
import { listAutoPublishRules, listRepositories } from "@/lib/artifacts/repositories.server";
import { NoTeam } from "../_components/no-team";
import { AddRepository } from "./_components/add-repository";
import { AutoPublish } from "./_components/auto-publish";
import { RepositoriesList } from "./_components/repositories-list";

export const metadata: Metadata = { title: "Repositories" };

export default async function RepositoriesPage() {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam />;
  const [{ repositories, canManage }, rules] = await Promise.all([listRepositories(actor, team.slug), listAutoPublishRules(actor, team.slug)]);
  return (
    <>
      <PageHeader
        title="Repositories"
        description={`Where ${team.name}'s approved requests are delivered: a branch portal/<request> and a pull request in your Git repository. Later revisions update it, keeping the edits people made.`}
      />
      <div className="flex flex-col gap-6">
        {canManage && (
          <Card>
            <CardHeader>
              <CardTitle>Add a repository</CardTitle>
              <CardDescription>The portal pushes over HTTPS with the credentials you give (stored encrypted), never to the default branch and never with force.</CardDescription>
            </CardHeader>
            <CardContent>
              <AddRepository team={team.slug} />
            </CardContent>
          </Card>
        )}
        <section aria-labelledby="repositories-heading" className="flex flex-col gap-3">
          <h2 id="repositories-heading" className="text-xl font-semibold">
            Repositories
          </h2>
          <RepositoriesList repositories={repositories} canManage={canManage} />
        </section>
        {repositories.length > 0 && (
          <Card>
            <CardHeader>
              <CardTitle>Publish on approval</CardTitle>
              <CardDescription>An approved request of these roles is queued for publication in the same step that approves it; others are published with the Publish button on the request.</CardDescription>
            </CardHeader>
            <CardContent>
              <AutoPublish
                team={team.slug}
                roles={roles.map((role) => ({ key: role.key, title: role.title }))}
                repositories={repositories.map((repository) => ({ id: repository.id, name: repository.name }))}
                rules={Object.fromEntries(rules.map((rule) => [rule.role, rule.repositoryId]))}
                canManage={canManage}
              />
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { listTokens } from "@/lib/tokens/tokens.server";
import { NoTeam } from "../_components/no-team";
import { CreateTokenForm } from "./create-token-form";
import { TokensTable } from "./tokens-table";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam />;
  const tokens = await listTokens(actor, team.slug);
  const canManage = roleAllows(team.role, "manage");
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let scripts and CI call the <a href="/api/v1/openapi.json">portal API</a> as {team.name}, with member rights. Send them as{" "}
            <code className="font-mono text-base">Authorization: Bearer ppt_…</code>.
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {canManage && (
          <Card>
            <CardHeader>
              <CardTitle>Create a token</CardTitle>
              <CardDescription>The token is shown once, right after you create it. Only a hash is stored.</CardDescription>
            </CardHeader>
            <CardContent>
              <CreateTokenForm team={team.slug} />
            </CardContent>
          </Card>
        )}
        <TokensTable
          team={team.slug}
          canManage={canManage}
          tokens={tokens.map((token) => ({
            id: token.id,
            name: token.name,
            prefix: token.prefix,
            status: token.status,
            createdBy: token.createdBy?.name ?? token.createdBy?.email ?? "Admin CLI",
            createdAt: token.createdAt.toISOString(),
            lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
            expiresAt: token.expiresAt?.toISOString() ?? null,
          }))}
        />
      </div>
    </>
  );
}

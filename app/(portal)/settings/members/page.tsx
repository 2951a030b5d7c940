import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows, roleAtLeast } from "@/lib/auth/roles";
import { listMembers } from "@/lib/teams/teams.server";
import { NoTeam } from "../_components/no-team";
import { AddMemberForm } from "./add-member-form";
import { MembersTable } from "./members-table";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam />;
  const members = await listMembers(actor, team.slug);
  const canManage = roleAllows(team.role, "manage");
  return (
    <>
      <PageHeader title="Members" description={`People in ${team.name} and what they may do.`} />
      <div className="flex flex-col gap-6">
        {canManage && (
          <Card>
            <CardHeader>
              <CardTitle>Add a member</CardTitle>
              <CardDescription>Add someone who already has an account, by their email.</CardDescription>
            </CardHeader>
            <CardContent>
              <AddMemberForm team={team.slug} canGrantOwner={roleAtLeast(team.role, "OWNER")} />
            </CardContent>
          </Card>
        )}
        <MembersTable
          team={team.slug}
          canManage={canManage}
          canManageOwners={roleAtLeast(team.role, "OWNER")}
          currentUserId={actor.userId}
          members={members.map((member) => ({
            id: member.id,
            role: member.role,
            joinedAt: member.createdAt.toISOString(),
            name: member.user.name,
            email: member.user.email,
            userId: member.user.id,
          }))}
        />
      </div>
    </>
  );
}

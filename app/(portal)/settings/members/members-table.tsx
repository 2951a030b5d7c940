"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { SortableHeader, TBody, TD, TH, THead, TR, Table, TableCaption, useSortableRows } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { roleLabels, teamRoles } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import type { TeamRole } from "@/lib/generated/prisma/browser";
import { changeMemberRoleAction, removeMemberAction } from "../actions";

export interface MemberRow {
  id: string;
  role: TeamRole;
  joinedAt: string;
  name: string | null;
  email: string;
  userId: string;
}

const roleOrder: Record<TeamRole, number> = { OWNER: 0, MAINTAINER: 1, MEMBER: 2, VIEWER: 3 };
const accessors = { role: (row: MemberRow) => roleOrder[row.role], person: (row: MemberRow) => row.name ?? row.email };

export function MembersTable({ team, members, canManage, canManageOwners, currentUserId }: { team: string; members: MemberRow[]; canManage: boolean; canManageOwners: boolean; currentUserId: string | null }) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const { rows: sortedRows, headerProps } = useSortableRows<MemberRow, "person" | "email" | "role" | "joinedAt">(members, "role", "asc", accessors);

  function changeRole(member: MemberRow, role: TeamRole) {
    startTransition(async () => {
      const result = await changeMemberRoleAction(team, member.id, role);
      if (result.ok) toast({ title: `${member.email} is now ${roleLabels[role].toLowerCase()}`, tone: "healthy" });
      else toast({ title: "Role not changed", description: result.message, tone: "critical" });
      router.refresh();
    });
  }

  return (
    <Table aria-busy={pending || undefined} data-testid="members-table">
      <TableCaption className="sr-only">Team members</TableCaption>
      <THead>
        <TR>
          <SortableHeader {...headerProps("person")}>Name</SortableHeader>
          <SortableHeader {...headerProps("email")}>Email</SortableHeader>
          <SortableHeader {...headerProps("role")}>Role</SortableHeader>
          <SortableHeader {...headerProps("joinedAt")}>Joined</SortableHeader>
          {canManage && <TH className="text-right">Actions</TH>}
        </TR>
      </THead>
      <TBody>
        {sortedRows.map((member) => {
          const editable = canManage && (canManageOwners || member.role !== "OWNER");
          return (
            <TR key={member.id}>
              <TD className="font-medium">
                {member.name ?? "—"}
                {member.userId === currentUserId && <span className="ml-2 text-sm text-fg-muted">(you)</span>}
              </TD>
              <TD>{member.email}</TD>
              <TD>
                {editable ? (
                  <Select
                    aria-label={`Role of ${member.email}`}
                    value={member.role}
                    onChange={(event) => changeRole(member, event.target.value as TeamRole)}
                    disabled={pending}
                    containerClassName="max-w-44"
                  >
                    {teamRoles
                      .filter((role) => canManageOwners || role !== "OWNER")
                      .map((role) => (
                        <option key={role} value={role}>
                          {roleLabels[role]}
                        </option>
                      ))}
                  </Select>
                ) : (
                  roleLabels[member.role]
                )}
              </TD>
              <TD>{formatDate(member.joinedAt)}</TD>
              {canManage && (
                <TD className="text-right">
                  {editable && (
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="sm" aria-label={`Remove ${member.email}`}>
                          Remove
                        </Button>
                      }
                      title={`Remove ${member.email}?`}
                      description="They lose access to everything the team owns. You can add them again later."
                      confirmLabel="Remove member"
                      onConfirm={async () => {
                        const result = await removeMemberAction(team, member.id);
                        if (!result.ok) throw new Error(result.message);
                        toast({ title: `Removed ${member.email}`, tone: "healthy" });
                        router.refresh();
                      }}
                    />
                  )}
                </TD>
              )}
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}

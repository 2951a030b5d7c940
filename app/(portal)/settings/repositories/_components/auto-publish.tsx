"use client";
// "Publish on approval", per role: the repository an approved request of that role is published to, or
// none. Read-only for members and viewers.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { TBody, TD, TH, THead, TR, Table, TableCaption } from "@/components/ui/table";
import { saveAutoPublishAction } from "../actions";

export interface AutoPublishProps {
  team: string;
  roles: { key: string; title: string }[];
  repositories: { id: string; name: string }[];
  rules: Record<string, string>;
  canManage: boolean;
}

export function AutoPublish({ team, roles, repositories, rules, canManage }: AutoPublishProps) {
  const router = useRouter();
  const { toast } = useToast();
  const [choice, setChoice] = useState<Record<string, string>>(rules);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const names = new Map(repositories.map((repository) => [repository.id, repository.name]));
  return (
    <form
      className="flex flex-col gap-4"
      aria-label="Publish on approval"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await saveAutoPublishAction(team, { rules: Object.entries(choice).filter(([, id]) => id).map(([role, repositoryId]) => ({ role, repositoryId })) });
          if (result.ok) {
            setError(null);
            toast({ title: "Saved: publish on approval", tone: "healthy" });
            router.refresh();
          } else setError(result.message);
        });
      }}
    >
      {error && <ErrorAlert message={error} />}
      <Table>
        <TableCaption className="sr-only">Where an approved request of each role is published</TableCaption>
        <THead>
          <TR>
            <TH>Role</TH>
            <TH>On approval, publish to</TH>
          </TR>
        </THead>
        <TBody>
          {roles.map((role) => (
            <TR key={role.key}>
              <TD className="font-medium">{role.title}</TD>
              <TD>
                {canManage ? (
                  <Select
                    aria-label={`On approval of a ${role.title} request, publish to`}
                    value={choice[role.key] ?? ""}
                    onChange={(event) => setChoice({ ...choice, [role.key]: event.target.value })}
                    disabled={pending}
                  >
                    <option value="">Don&apos;t publish automatically</option>
                    {repositories.map((repository) => (
                      <option key={repository.id} value={repository.id}>
                        {repository.name}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <span>{rules[role.key] ? names.get(rules[role.key]) : "Not automatically"}</span>
                )}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {canManage && (
        <div>
          <Button type="submit" loading={pending}>
            Save
          </Button>
        </div>
      )}
    </form>
  );
}

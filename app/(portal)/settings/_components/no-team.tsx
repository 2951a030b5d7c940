import Link from "next/link";
import { Plus, Users } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export function NoTeam() {
  return (
    <EmptyState
      icon={<Users />}
      title="No team yet"
      description="Create a team first; then you can add members and API tokens to it."
      action={
        <Link href="/settings/teams/new" className={buttonVariants()}>
          <Plus aria-hidden="true" /> Create a team
        </Link>
      }
    />
  );
}

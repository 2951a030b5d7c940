import Link from "next/link";
import { Users } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** What the incident pages show to someone who is in no team yet. */
export function NoTeam({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        icon={<Users />}
        title="Join or create a team first"
        description="Incidents belong to a team. Create one, or ask a team's owner to add you by your email."
        action={
          <Link href="/settings/teams/new" className={buttonVariants()}>
            Create a team
          </Link>
        }
      />
    </>
  );
}

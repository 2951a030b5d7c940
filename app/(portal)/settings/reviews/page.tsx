import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { getReviewSettings } from "@/lib/reviews/settings.server";
import { NoTeam } from "../_components/no-team";
import { RequiredApprovalsTable, ReviewersTable } from "./review-settings";

export const metadata: Metadata = { title: "Review settings" };

export default async function ReviewSettingsPage() {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam />;
  const settings = await getReviewSettings(actor, team.slug);
  return (
    <>
      <PageHeader
        title="Reviews"
        description={
          settings.canManage
            ? `Who reviews what in ${team.name}, and which approvals each role's requests need before they are approved.`
            : `Who reviews what in ${team.name}, and which approvals each role's requests need. Maintainers and owners change these settings.`
        }
      />
      <div className="flex flex-col gap-8">
        <ReviewersTable settings={settings} currentUserId={actor.userId} />
        <RequiredApprovalsTable settings={settings} />
      </div>
    </>
  );
}

import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { PausedEndpointsBanner } from "@/components/shell/paused-endpoints-banner";
import { currentTeam, listMyTeams, requirePageActor } from "@/lib/auth/session";
import { listPausedEndpointsForOwners } from "@/lib/notifications/endpoints.server";
import { getProfile } from "@/lib/users/users.server";
import { switchTeamAction } from "./actions";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const [profile, teams, team, pausedEndpoints] = await Promise.all([getProfile(actor), listMyTeams(actor), currentTeam(actor), listPausedEndpointsForOwners(actor)]);
  return (
    <AppShell
      user={{ name: profile?.name ?? null, email: profile?.email ?? "" }}
      teams={teams.map(({ slug, name, role }) => ({ slug, name, role }))}
      currentTeam={team && { slug: team.slug, name: team.name, role: team.role }}
      switchTeam={switchTeamAction}
      banner={<PausedEndpointsBanner endpoints={pausedEndpoints} />}
    >
      {children}
    </AppShell>
  );
}

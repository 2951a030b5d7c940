import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows, roleLabels } from "@/lib/auth/roles";
import { EmptyState } from "@/components/ui/empty-state";
import { ShieldAlert } from "lucide-react";
import { listTeamServices } from "@/lib/incidents/incidents.server";
import { NoTeam } from "../_components/no-team";
import { DeclareForm } from "./declare-form";

export const metadata: Metadata = { title: "Declare an incident" };

export default async function DeclareIncidentPage() {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam title="Declare an incident" />;
  if (!roleAllows(team.role, "edit")) {
    return (
      <>
        <PageHeader title="Declare an incident" />
        <EmptyState
          icon={<ShieldAlert />}
          title={`As a ${roleLabels[team.role].toLowerCase()} of ${team.name}, you cannot declare incidents`}
          description="Tell a member of the team what you see, or ask an owner to make you a member."
        />
      </>
    );
  }
  const services = await listTeamServices(actor, team.slug);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/incidents" className="link">
            Incidents
          </Link>
        }
        title="Declare an incident"
        description={`For ${team.name}. Four fields, and only two are needed: everything else can be added once the response is under way.`}
      />
      <Card className="max-w-4xl">
        <CardContent>
          <DeclareForm team={team.slug} services={services.map(({ slug, name, tier }) => ({ slug, name, tier }))} />
        </CardContent>
      </Card>
    </>
  );
}

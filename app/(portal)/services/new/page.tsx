import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { EmptyState } from "@/components/ui/empty-state";
import { NoTeam } from "../../settings/_components/no-team";
import { ServiceForm } from "../_components/service-form";

export const metadata: Metadata = { title: "New service" };

export default async function NewServicePage() {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam />;
  return (
    <>
      <PageHeader
        title="New service"
        eyebrow={
          <Link href="/services" className="link">
            Services
          </Link>
        }
        description={`A service of ${team.name}. You can add its SLOs next.`}
      />
      {roleAllows(team.role, "edit") ? (
        <ServiceForm team={{ slug: team.slug, name: team.name }} cancelHref="/services" />
      ) : (
        <EmptyState title="Viewers cannot add services" description={`Ask a member of ${team.name} to add it, or to give you the member role.`} />
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { getService } from "@/lib/services/services.server";
import { orNotFound } from "../../../_lib/or-not-found";
import { ServiceForm } from "../../_components/service-form";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const service = await orNotFound(getService(actor, id));
  return (
    <>
      <PageHeader
        title={`Edit ${service.name}`}
        eyebrow={
          <Link href={`/services/${service.id}`} className="link">
            {service.name}
          </Link>
        }
      />
      {roleAllows(service.role, "edit") ? (
        <ServiceForm
          team={service.team}
          cancelHref={`/services/${service.id}`}
          initial={{
            id: service.id,
            updatedAt: service.updatedAt.toISOString(),
            name: service.name,
            slug: service.slug,
            tier: service.tier,
            lifecycle: service.lifecycle,
            description: service.description,
            repoUrl: service.repoUrl ?? "",
            runbookUrl: service.runbookUrl ?? "",
            dashboardUrl: service.dashboardUrl ?? "",
          }}
        />
      ) : (
        <EmptyState title="Viewers cannot change services" description={`Ask a member of ${service.team.name} to make the change.`} />
      )}
    </>
  );
}

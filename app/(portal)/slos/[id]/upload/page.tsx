import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { getSlo } from "@/lib/slo/slos.server";
import { orNotFound } from "../../../_lib/or-not-found";
import { CsvUpload } from "./csv-upload";

export const metadata: Metadata = { title: "Upload SLI samples" };

export default async function UploadSamplesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const slo = await orNotFound(getSlo(actor, id));
  return (
    <>
      <PageHeader
        title="Upload SLI samples"
        eyebrow={
          <span>
            <Link href={`/services/${slo.service.id}`} className="link">
              {slo.service.name}
            </Link>{" "}
            ·{" "}
            <Link href={`/slos/${slo.id}`} className="link">
              {slo.name}
            </Link>
          </span>
        }
        description="Backfill or correct one-minute samples from a CSV file. The same rules apply as for the API."
      />
      {roleAllows(slo.role, "edit") ? (
        <CsvUpload slo={{ id: slo.id, name: slo.name, windowDays: slo.windowDays, teamSlug: slo.team.slug, serviceId: slo.service.id }} />
      ) : (
        <EmptyState title="Viewers cannot upload samples" description={`Ask a member of ${slo.team.name} to upload them.`} />
      )}
    </>
  );
}

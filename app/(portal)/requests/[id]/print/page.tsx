import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { revisionQuerySchema } from "@/lib/artifacts/api-schema";
import { getRevisionArtifacts } from "@/lib/artifacts/artifacts.server";
import { NotFoundError } from "@/lib/errors";
import { getRevision } from "@/lib/requests/requests.server";
import { WithRole } from "@/components/roles/with-role";
import { PrintView } from "../../_components/artifacts/print-view";

export const metadata: Metadata = { title: "Print request" };

// Everything of one revision expanded for paper: requirements, key figures, every artifact (diagrams drawn).
export default async function PrintRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const query = await searchParams;
  const parsed = revisionQuerySchema.safeParse({ revision: typeof query.revision === "string" ? query.revision : undefined });
  if (!parsed.success) notFound();
  const loaded = await getRevisionArtifacts(actor, id, parsed.data.revision)
    .then(async (artifacts) => ({ artifacts, revision: await getRevision(actor, id, artifacts.revision) }))
    .catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    });
  return (
    <WithRole roleKey={loaded.artifacts.role.key}>
      <PrintView artifacts={loaded.artifacts} input={loaded.revision.input} autoPrint={query.print === "1"} />
    </WithRole>
  );
}

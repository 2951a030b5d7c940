import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getPostmortemPage } from "@/lib/incidents/postmortems.server";
import { PostmortemView } from "./_components/postmortem-view";

export const metadata: Metadata = { title: "Postmortem" };

export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const page = await getPostmortemPage(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return <PostmortemView {...page} />;
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getDecision, listDecisions } from "@/lib/reviews/decisions.server";
import { DecisionPage } from "../_components/decision-page";

export const metadata: Metadata = { title: "Decision" };

export default async function DecisionRoute({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const decision = await getDecision(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const others = decision.permissions.canDecide ? (await listDecisions(actor, decision.team.slug)).decisions.filter((candidate) => candidate.id !== decision.id) : [];
  return <DecisionPage initialDecision={decision} others={others.map((other) => ({ id: other.id, reference: other.reference, title: other.title, status: other.status }))} />;
}

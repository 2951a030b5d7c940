import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { getMeetingPresentation } from "@/lib/reviews/presentation.server";
import { orNotFound } from "../../../../../(portal)/_lib/or-not-found";
import { MeetingMode } from "./_components/meeting-mode";

export const metadata: Metadata = { title: "Meeting mode" };

export default async function PresentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ preview?: string }> }) {
  const { id } = await params;
  const { preview } = await searchParams;
  const actor = await requirePageActor();
  const presentation = await orNotFound(getMeetingPresentation(actor, id));
  // An ended meeting has nothing left to present: its page shows the minutes.
  if (presentation.meeting.status === "ENDED") redirect(`/reviews/meetings/${id}`);
  return <MeetingMode {...presentation} currentUserId={actor.userId} serverNow={new Date().toISOString()} preview={preview === "1"} />;
}

"use client";
// The schedule form wired to its server action: on success, on to the new meeting's page.
import { useRouter } from "next/navigation";
import { MeetingForm, type MeetingFormProps } from "../_components/meeting-form";
import { createMeetingAction } from "../actions";

export function NewMeeting(props: Omit<MeetingFormProps, "mode" | "submit" | "onSaved">) {
  const router = useRouter();
  return (
    <MeetingForm
      {...props}
      mode="create"
      submit={(input) => createMeetingAction(props.team.slug, input)}
      onSaved={(id) => router.push(`/reviews/meetings/${id}`)}
      onCancel={() => router.push("/reviews")}
    />
  );
}

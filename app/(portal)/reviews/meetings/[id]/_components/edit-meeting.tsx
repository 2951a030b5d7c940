"use client";
// Editing a scheduled meeting: the meeting form behind an Edit button, saved from the version the page
// showed (a stale version is refused and the page reloads with the other person's changes).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Pencil } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { MeetingForm, type MeetingFormProps } from "../../_components/meeting-form";
import { updateMeetingAction } from "../../actions";

export function EditMeeting({ meetingId, version, ...props }: { meetingId: string; version: number } & Pick<MeetingFormProps, "team" | "candidates" | "members" | "initial">) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <div>
        <Button variant="secondary" size="lg" onClick={() => setEditing(true)}>
          <Pencil aria-hidden="true" /> Edit meeting and agenda
        </Button>
      </div>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Edit the meeting</CardTitle>
      </CardHeader>
      <CardContent>
        <MeetingForm
          {...props}
          mode="edit"
          submit={async (input) => {
            const result = await updateMeetingAction(meetingId, { ...input, version });
            if (!result.ok && result.conflict) router.refresh();
            return result;
          }}
          onSaved={() => {
            setEditing(false);
            router.refresh();
          }}
          onCancel={() => setEditing(false)}
        />
      </CardContent>
    </Card>
  );
}

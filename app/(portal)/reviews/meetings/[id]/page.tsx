import type { Metadata } from "next";
import Link from "next/link";
import { Download, Presentation } from "lucide-react";
import { MarkdownView } from "@/components/markdown/document-markdown";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePageActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { formatSpent } from "@/lib/reviews/minutes";
import { elapsedAt } from "@/lib/reviews/timer";
import { getMeeting, getMeetingFormOptions } from "@/lib/reviews/meetings.server";
import { meetingStatusLabels } from "@/lib/reviews/meetings-schema";
import { orNotFound } from "../../../_lib/or-not-found";
import { EditMeeting } from "./_components/edit-meeting";
import { EndMeetingButton } from "./_components/end-meeting-button";

export const metadata: Metadata = { title: "Review meeting" };

const statusTone = { SCHEDULED: "info", IN_PROGRESS: "warning", ENDED: "neutral" } as const;

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const meeting = await orNotFound(getMeeting(actor, id));
  const editable = meeting.status === "SCHEDULED" && meeting.permissions.canEdit;
  const options = editable ? await getMeetingFormOptions(actor, meeting.team.slug) : null;
  const now = new Date();
  const owners = new Map(meeting.agenda.map((item) => [item.id, item.request.title]));

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/reviews">Reviews</Link>}
        title={meeting.title}
        description={
          <>
            {meeting.team.name} · <time dateTime={meeting.scheduledAt}>{formatDateTime(meeting.scheduledAt)}</time> · {meeting.durationMinutes} min{" "}
            <Badge tone={statusTone[meeting.status]} className="ml-2 align-middle">
              {meetingStatusLabels[meeting.status]}
            </Badge>
          </>
        }
        actions={
          <>
            {meeting.status !== "ENDED" && meeting.permissions.canEdit && (
              <Link href={`/reviews/meetings/${meeting.id}/present`} className={buttonVariants({ size: "lg" })}>
                <Presentation aria-hidden="true" /> {meeting.status === "IN_PROGRESS" ? "Rejoin meeting mode" : "Start meeting mode"}
              </Link>
            )}
            {meeting.status === "IN_PROGRESS" && meeting.permissions.canEdit && <EndMeetingButton meetingId={meeting.id} />}
            {meeting.minutes !== null && (
              <a href={`/api/v1/meetings/${meeting.id}/minutes.md`} download className={buttonVariants({ size: "lg", variant: "secondary" })}>
                <Download aria-hidden="true" /> Download minutes (.md)
              </a>
            )}
          </>
        }
      />

      <div className="grid gap-8 xl:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-8">
          {meeting.minutes !== null && (
            <Card data-testid="minutes">
              <CardHeader>
                <CardTitle>Minutes</CardTitle>
              </CardHeader>
              <CardContent>
                {/* The file's own title repeats the page's heading. */}
                <MarkdownView markdown={meeting.minutes.replace(/^# .*\n+/, "")} />
              </CardContent>
            </Card>
          )}

          <Card>
            <CardHeader>
              <CardTitle>Agenda</CardTitle>
            </CardHeader>
            <CardContent>
              {meeting.agenda.length === 0 ? (
                <p className="text-base text-fg-muted">Nothing is on the agenda yet{editable ? ": edit the meeting to add requests waiting for review." : "."}</p>
              ) : (
                <Table>
                  <THead>
                    <TR>
                      <TH numeric>#</TH>
                      <TH>Request</TH>
                      <TH>Role</TH>
                      <TH numeric>Revision</TH>
                      <TH numeric>Time box</TH>
                      {meeting.status !== "SCHEDULED" && <TH numeric>Spent</TH>}
                    </TR>
                  </THead>
                  <TBody>
                    {meeting.agenda.map((item) => (
                      <TR key={item.id}>
                        <TD numeric>{item.position}</TD>
                        <TD>
                          <Link href={`/requests/${item.request.id}`} className="font-medium text-link underline-offset-4 hover:underline">
                            {item.request.title || "Untitled request"}
                          </Link>
                        </TD>
                        <TD>{item.request.role.title}</TD>
                        <TD numeric>{item.request.revision}</TD>
                        <TD numeric>{item.timeboxMinutes} min</TD>
                        {meeting.status !== "SCHEDULED" && <TD numeric>{formatSpent(elapsedAt(item, now))}</TD>}
                      </TR>
                    ))}
                  </TBody>
                </Table>
              )}
            </CardContent>
          </Card>

          {editable && options && (
            <EditMeeting
              meetingId={meeting.id}
              version={meeting.version}
              team={meeting.team}
              candidates={[
                ...meeting.agenda.filter((item) => !options.requests.some((request) => request.id === item.request.id)).map((item) => ({ id: item.request.id, title: item.request.title, role: item.request.role.title, revision: item.request.revision })),
                ...options.requests,
              ]}
              members={options.members}
              initial={{
                title: meeting.title,
                date: meeting.scheduledAt.slice(0, 10),
                time: meeting.scheduledAt.slice(11, 16),
                durationMinutes: meeting.durationMinutes,
                attendees: meeting.attendees.map((person) => person.id),
                agenda: meeting.agenda.map((item) => ({ requestId: item.request.id, timeboxMinutes: item.timeboxMinutes })),
              }}
            />
          )}
        </div>

        <div className="flex flex-col gap-8">
          <Card>
            <CardHeader>
              <CardTitle>Attendees ({meeting.attendees.length})</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="flex flex-col gap-1 text-base">
                {meeting.attendees.map((person) => (
                  <li key={person.id}>{person.name ?? person.email}</li>
                ))}
              </ul>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Action items ({meeting.actionItems.length})</CardTitle>
            </CardHeader>
            <CardContent>
              {meeting.actionItems.length === 0 ? (
                <p className="text-base text-fg-muted">None yet: capture them in meeting mode (press A).</p>
              ) : (
                <ul className="flex flex-col gap-3 text-base">
                  {meeting.actionItems.map((action) => (
                    <li key={action.id}>
                      <p className="font-medium">{action.text}</p>
                      <p className="text-sm text-fg-muted">
                        {action.owner?.name ?? action.owner?.email ?? "No owner"}
                        {action.dueDate ? ` · due ${action.dueDate}` : ""}
                        {action.agendaItemId && owners.get(action.agendaItemId) ? ` · ${owners.get(action.agendaItemId)}` : ""}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}

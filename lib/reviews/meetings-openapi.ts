// The review meetings' endpoints of the OpenAPI document (listed in lib/openapi/document.ts), from the same zod
// schemas the routes validate with.
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { errorBodySchema } from "@/lib/api/schemas";
import {
  agendaNotesSchema,
  createMeetingActionSchema,
  createMeetingSchema,
  focusAgendaItemSchema,
  meetingActionViewSchema,
  meetingDetailSchema,
  meetingListSchema,
  meetingStatuses,
  startMeetingSchema,
  updateMeetingSchema,
} from "@/lib/reviews/meetings-schema";

const tags = ["reviews"];
const meetingId = { name: "id", in: "path" as const, description: "The meeting's id", required: true };
const detail = (description: string) => ({ description, schema: meetingDetailSchema });

export const meetingOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/teams/{slug}/meetings",
    summary: "A team's review meetings: scheduled and running ones first (soonest first), then ended ones (latest first)",
    tags,
    params: [
      { name: "slug", in: "path", description: "The team's slug", required: true },
      { name: "status", in: "query", description: "Only meetings in this status", schema: { enum: [...meetingStatuses] } },
    ],
    responses: { 200: { description: "The meetings", schema: meetingListSchema } },
  },
  {
    method: "post",
    path: "/api/v1/teams/{slug}/meetings",
    summary:
      "Schedule a review meeting. The agenda holds requests of this team waiting for review (submitted or in review), each with a time box; any other request answers 422 at `agenda.N.requestId`. Attendees are team members (every member when omitted)",
    tags,
    params: [{ name: "slug", in: "path", description: "The team's slug", required: true }],
    body: createMeetingSchema,
    responses: { 201: detail("The scheduled meeting") },
  },
  {
    method: "get",
    path: "/api/v1/meetings/{id}",
    summary: "One meeting: attendees, agenda with each item's time, action items, and the minutes once it has ended",
    tags,
    params: [meetingId],
    responses: { 200: detail("The meeting") },
  },
  {
    method: "patch",
    path: "/api/v1/meetings/{id}",
    summary: "Edit a scheduled meeting (title, time, duration, attendees, the whole agenda in order). A stale `version`, or a meeting that has started, answers 409",
    tags,
    params: [meetingId],
    body: updateMeetingSchema,
    responses: { 200: detail("The meeting after the edit"), 409: { description: "Changed by someone else since `version`, or no longer scheduled", schema: errorBodySchema } },
  },
  {
    method: "post",
    path: "/api/v1/meetings/{id}/start",
    summary: "Start the meeting (IN_PROGRESS) and put an agenda item on screen (the first when omitted); on a running meeting, only moves the screen",
    tags,
    params: [meetingId],
    body: startMeetingSchema,
    responses: { 200: detail("The running meeting"), 409: { description: "The meeting has ended", schema: errorBodySchema } },
  },
  {
    method: "post",
    path: "/api/v1/meetings/{id}/focus",
    summary: "Move the screen to another agenda item: the item that was on screen stops its timer, the new one starts its own; `null` pauses",
    tags,
    params: [meetingId],
    body: focusAgendaItemSchema,
    responses: { 200: detail("The running meeting"), 409: { description: "The meeting is not running, or someone else presents it (take over first)", schema: errorBodySchema } },
  },
  {
    method: "post",
    path: "/api/v1/meetings/{id}/presenter",
    summary: "Take over meeting mode: the caller becomes the presenter whose slide and timer everyone follows (audited; a signed-in person, not a token)",
    tags,
    params: [meetingId],
    responses: { 200: detail("The meeting with its new presenter"), 409: { description: "The meeting has ended", schema: errorBodySchema } },
  },
  {
    method: "patch",
    path: "/api/v1/meetings/{id}/agenda/{itemId}",
    summary: "Save an agenda item's outcome notes (until the meeting ends)",
    tags,
    params: [meetingId, { name: "itemId", in: "path", description: "The agenda item's id", required: true }],
    body: agendaNotesSchema,
    responses: { 200: detail("The meeting") },
  },
  {
    method: "post",
    path: "/api/v1/meetings/{id}/action-items",
    summary: "Record an action item in the meeting: an owner from the team, an optional due date and agenda item",
    tags,
    params: [meetingId],
    body: createMeetingActionSchema,
    responses: { 201: { description: "The action item", schema: meetingActionViewSchema } },
  },
  {
    method: "post",
    path: "/api/v1/meetings/{id}/end",
    summary: "End the meeting and write its minutes (attendees; per item the decisions, approvals and actions recorded during the meeting; time spent against the time box). Once only: ending again answers 409",
    tags,
    params: [meetingId],
    responses: { 200: detail("The ended meeting with its minutes"), 409: { description: "The meeting has already ended", schema: errorBodySchema } },
  },
  {
    method: "get",
    path: "/api/v1/meetings/{id}/minutes.md",
    summary: "The minutes as a Markdown download (404 until the meeting has ended)",
    tags,
    params: [meetingId],
    responses: { 200: { description: "The minutes", schema: z.string(), contentType: "text/markdown" } },
  },
];

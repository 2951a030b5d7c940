// Input and output schemas of review meetings, shared by the forms, the server actions, the API and the lib.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { instantSchema } from "@/lib/incidents/schema";

export const meetingStatuses = ["SCHEDULED", "IN_PROGRESS", "ENDED"] as const;
export type MeetingStatusKey = (typeof meetingStatuses)[number];

export const meetingStatusLabels: Record<MeetingStatusKey, string> = {
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  ENDED: "Ended",
};

/** The request statuses that may be put on an agenda: those waiting for review. */
export const agendaRequestStatuses = ["SUBMITTED", "IN_REVIEW"] as const;

export const MAX_AGENDA_ITEMS = 20;

const titleSchema = text({ error: "Name the meeting" }).trim().min(3, "Name the meeting in at least 3 characters").max(160, "Keep the title under 160 characters");
const durationSchema = z.coerce
  .number({ error: "Enter the duration in minutes" })
  .int("Enter whole minutes")
  .min(10, "A meeting lasts at least 10 minutes")
  .max(480, "A meeting lasts at most 8 hours");
export const timeboxSchema = z.coerce
  .number({ error: "Enter the time box in minutes" })
  .int("Enter whole minutes")
  .min(1, "Give each item at least 1 minute")
  .max(120, "Give an item at most 120 minutes");

export const agendaEntrySchema = z.object({
  requestId: text({ error: "Choose a request" }).trim().min(1, "Choose a request"),
  timeboxMinutes: timeboxSchema,
});

export const agendaSchema = z
  .array(agendaEntrySchema)
  .max(MAX_AGENDA_ITEMS, `Put at most ${MAX_AGENDA_ITEMS} requests on one agenda`)
  .superRefine((entries, context) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.requestId)) context.addIssue({ code: "custom", path: [index, "requestId"], message: "This request is already on the agenda" });
      seen.add(entry.requestId);
    });
  });

const attendeesSchema = z.array(text().trim().min(1)).max(200, "Invite at most 200 people");

export const createMeetingSchema = z.object({
  title: titleSchema,
  /** ISO 8601 with an offset, or the form's `datetime-local` value read as UTC. */
  scheduledAt: instantSchema,
  durationMinutes: durationSchema,
  /** User ids, members of the team; every member when omitted. */
  attendees: attendeesSchema.optional(),
  agenda: agendaSchema.default([]),
});

export const updateMeetingSchema = z.object({
  /** The version the edit starts from: a stale one is refused with 409. */
  version: z.number({ error: "Send the meeting's version" }).int().min(1),
  title: titleSchema.optional(),
  scheduledAt: instantSchema.optional(),
  durationMinutes: durationSchema.optional(),
  attendees: attendeesSchema.optional(),
  /** The whole agenda, in order; replaces the current one. */
  agenda: agendaSchema.optional(),
});

export const startMeetingSchema = z.object({
  /** The agenda item to show first; the first one when omitted. */
  agendaItemId: text().trim().min(1).optional(),
});

export const focusAgendaItemSchema = z.object({
  /** The item now on screen; null pauses every item's timer. */
  agendaItemId: text().trim().min(1).nullable(),
});

export const agendaNotesSchema = z.object({
  notes: text().max(10_000, "Keep the notes under 10,000 characters"),
});

const dueDateSchema = z.preprocess(
  (value) => (value === "" ? null : value),
  z.iso.date({ error: "Enter a date as YYYY-MM-DD" }).nullable(),
);

export const createMeetingActionSchema = z.object({
  text: text({ error: "Say what needs doing" }).trim().min(3, "Say what needs doing in at least 3 characters").max(500, "Keep it under 500 characters"),
  ownerId: text({ error: "Choose an owner" }).trim().min(1, "Choose an owner"),
  dueDate: dueDateSchema.optional(),
  agendaItemId: text().trim().min(1).nullable().optional(),
});

export type CreateMeetingInput = z.input<typeof createMeetingSchema>;
export type UpdateMeetingInput = z.input<typeof updateMeetingSchema>;
export type AgendaEntryInput = z.input<typeof agendaEntrySchema>;
export type CreateMeetingActionInput = z.input<typeof createMeetingActionSchema>;

// ---- Views ------------------------------------------------------------------------------------------

const personSchema = z.object({ id: z.string(), name: z.string().nullable(), email: z.string() });

export const agendaItemViewSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  timeboxMinutes: z.number().int(),
  elapsedSeconds: z.number().int().describe("Seconds spent on the item, not counting the running stretch"),
  runningSince: z.iso.datetime().nullable().describe("When the item came on screen, while it is there"),
  startedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  notes: z.string(),
  request: z.object({
    id: z.string(),
    title: z.string(),
    status: z.string(),
    role: z.object({ key: z.string(), title: z.string() }),
    revision: z.number().int(),
    team: z.object({ slug: z.string(), name: z.string() }),
  }),
});

export const meetingActionViewSchema = z.object({
  id: z.string(),
  text: z.string(),
  owner: personSchema.nullable(),
  dueDate: z.iso.date().nullable(),
  agendaItemId: z.string().nullable(),
  createdBy: personSchema.nullable(),
  createdAt: z.iso.datetime(),
});

export const meetingSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  team: z.object({ slug: z.string(), name: z.string() }),
  scheduledAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  status: z.enum(meetingStatuses),
  startedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  itemCount: z.number().int(),
  version: z.number().int(),
});

export const meetingDetailSchema = meetingSummarySchema.extend({
  attendees: z.array(personSchema),
  agenda: z.array(agendaItemViewSchema),
  actionItems: z.array(meetingActionViewSchema),
  minutes: z.string().nullable().describe("The minutes in Markdown, once the meeting has ended"),
  createdBy: personSchema.nullable(),
  presenter: personSchema.nullable().describe("Who holds meeting mode: only they move between items, everyone else follows; null until someone starts it"),
  presenterSince: z.iso.datetime().nullable(),
  permissions: z.object({ canEdit: z.boolean() }),
});

export const meetingListSchema = z.object({ meetings: z.array(meetingSummarySchema) });

export type Person = z.infer<typeof personSchema>;
export type AgendaItemView = z.infer<typeof agendaItemViewSchema>;
export type MeetingActionView = z.infer<typeof meetingActionViewSchema>;
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

/** A meeting still to come (or running) that has a given request on its agenda: the request page links to it. */
export interface RequestAgendaMeeting {
  id: string;
  title: string;
  scheduledAt: string;
  status: Exclude<MeetingStatusKey, "ENDED">;
}

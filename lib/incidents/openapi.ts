// The incidents endpoints of the OpenAPI document (listed in lib/openapi/document.ts), from the same zod schemas
// the routes validate with.
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { errorBodySchema } from "@/lib/api/schemas";
import {
  actionItemSchema,
  incidentDetailSchema,
  incidentEventSchema,
  incidentListSchema,
  incidentMetricsSchema,
  incidentSloImpactSchema,
  postmortemSchema,
  timelineSchema,
} from "@/lib/incidents/api-schemas";
import { incidentEventTypes } from "@/lib/incidents/event-types";
import { incidentSeverities } from "@/lib/incidents/severity";
import { incidentStatuses } from "@/lib/incidents/status";
import {
  addEventSchema,
  assignRoleSchema,
  createActionItemSchema,
  declareIncidentSchema,
  metricsPeriods,
  transitionSchema,
  updateActionItemSchema,
  updateEventSchema,
  updateIncidentSchema,
  updatePostmortemSchema,
} from "@/lib/incidents/schema";

const tags = ["incidents"];
const incidentId = { name: "id", in: "path" as const, description: "The incident's id", required: true };
const teamQuery = (what: string) => ({ name: "team", in: "query" as const, description: `The team's slug: required with a session, optional with a token (${what} the token's team)` });

export const incidentOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/incidents",
    summary: "The caller's incidents, active ones first (most severe first), then the rest newest first",
    tags,
    params: [
      { name: "team", in: "query", description: "One team's slug; all of the caller's teams when omitted" },
      { name: "status", in: "query", description: "`active`, or one status", schema: { enum: ["active", ...incidentStatuses] } },
      { name: "severity", in: "query", description: "`major` (SEV1–2), or one severity", schema: { enum: ["major", ...incidentSeverities] } },
      { name: "page", in: "query", description: "Page number, from 1", schema: { type: "integer", minimum: 1 } },
      { name: "pageSize", in: "query", description: "Incidents per page (1–100, default 20)", schema: { type: "integer", minimum: 1, maximum: 100 } },
    ],
    responses: { 200: { description: "A page of incidents", schema: incidentListSchema } },
  },
  {
    method: "post",
    path: "/api/v1/incidents",
    summary: "Declare an incident (in triage; detection defaults to now). With a token, `team` may be left out",
    tags,
    body: declareIncidentSchema,
    responses: { 201: { description: "The declared incident", schema: incidentDetailSchema } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/metrics",
    summary: "Counts by severity, MTTD/MTTA/MTTM/MTTR and their trend for a team and period; incidents without the needed times are listed apart, never counted as zero",
    tags,
    params: [teamQuery("defaults to"), { name: "period", in: "query", description: "The last 30, 90, 180 or 365 days (default 90d)", schema: { enum: [...metricsPeriods] } }],
    responses: { 200: { description: "The metrics", schema: incidentMetricsSchema } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{id}",
    summary: "One incident with its roles, services, alerts and the moves its status allows",
    tags,
    params: [incidentId],
    responses: { 200: { description: "The incident", schema: incidentDetailSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/incidents/{id}",
    summary: "Change fields (title, summary, severity, type, customer impact, services, key times); each change is recorded on the timeline. Times out of order answer 422 naming them; a stale `version` answers 409",
    tags,
    params: [incidentId],
    body: updateIncidentSchema,
    responses: { 200: { description: "The incident after the change", schema: incidentDetailSchema }, 409: { description: "Changed by someone else since `version`", schema: errorBodySchema } },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{id}/status",
    summary: "Move the incident to another status, as the status machine allows (else 422)",
    tags,
    params: [incidentId],
    body: transitionSchema,
    responses: { 200: { description: "The incident after the move", schema: incidentDetailSchema } },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{id}/roles",
    summary: "Give a role (commander, communications lead, scribe, operations lead) to a team member who can edit, handing it over from its holder; `userId: null` unassigns it",
    tags,
    params: [incidentId],
    body: assignRoleSchema,
    responses: { 200: { description: "The incident after the change", schema: incidentDetailSchema } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{id}/events",
    summary: "The timeline, oldest first",
    tags,
    params: [incidentId, { name: "type", in: "query", description: "Only these types, comma-separated", schema: { type: "string", example: incidentEventTypes.slice(5, 7).join(",") } }],
    responses: { 200: { description: "The timeline", schema: timelineSchema } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{id}/slo-impact",
    summary: "The error budget each SLO of the affected services consumed in the incident's impact window, computed now (an open incident's figures grow until it is mitigated)",
    tags,
    params: [incidentId],
    responses: { 200: { description: "The budget consumed per SLO", schema: incidentSloImpactSchema } },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{id}/events",
    summary: "Add a note, action taken, communication sent, deploy/change or metric snapshot, optionally backdated",
    tags,
    params: [incidentId],
    body: addEventSchema,
    responses: { 201: { description: "The event", schema: incidentEventSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/incidents/{id}/events/{eventId}",
    summary: "Pin or unpin an event, or edit its time (audited)",
    tags,
    params: [incidentId, { name: "eventId", in: "path", description: "The event's id", required: true }],
    body: updateEventSchema,
    responses: { 200: { description: "The event", schema: incidentEventSchema } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{id}/postmortem",
    summary: "The incident's postmortem with its action items (404 until one is generated)",
    tags,
    params: [incidentId],
    responses: { 200: { description: "The postmortem", schema: postmortemSchema } },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{id}/postmortem",
    summary: "Generate the postmortem draft from a resolved or closed incident",
    tags,
    params: [incidentId],
    responses: {
      201: { description: "The draft", schema: postmortemSchema },
      409: { description: "The incident already has a postmortem", schema: errorBodySchema },
      422: { description: "The incident is not resolved yet", schema: errorBodySchema },
    },
  },
  {
    method: "patch",
    path: "/api/v1/incidents/{id}/postmortem",
    summary: "Save the Markdown and/or move the status (draft → in review → published; publishing needs a maintainer). A stale `version` answers 409",
    tags,
    params: [incidentId],
    body: updatePostmortemSchema,
    responses: { 200: { description: "The postmortem", schema: postmortemSchema }, 409: { description: "Saved by someone else since `version`", schema: errorBodySchema } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{id}/postmortem/export",
    summary: "The postmortem as a Markdown file (text/markdown), with its action items as tracked now",
    tags,
    params: [incidentId],
    responses: { 200: { description: "The Markdown document, as an attachment" } },
  },
  {
    method: "get",
    path: "/api/v1/incidents/{id}/action-items",
    summary: "The incident's action items",
    tags,
    params: [incidentId],
    responses: { 200: { description: "The action items", schema: z.object({ actionItems: z.array(actionItemSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/incidents/{id}/action-items",
    summary: "Add an action item with an owner (a member who can edit) and a due date",
    tags,
    params: [incidentId],
    body: createActionItemSchema,
    responses: { 201: { description: "The action item", schema: actionItemSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/incidents/{id}/action-items/{itemId}",
    summary: "Change an action item's title, owner, due date or status",
    tags,
    params: [incidentId, { name: "itemId", in: "path", description: "The action item's id", required: true }],
    body: updateActionItemSchema,
    responses: { 200: { description: "The action item", schema: actionItemSchema } },
  },
];

// The Alertmanager receiver's operation in the OpenAPI document (gathered by lib/openapi/document.ts).
import type { Operation } from "@/lib/api/operation";
import { alertmanagerResultSchema } from "@/lib/incidents/api-schemas";
import { alertmanagerPayloadSchema } from "@/lib/integrations/alertmanager/receiver";

export const alertmanagerOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/incidents/alertmanager",
    summary:
      "Alertmanager webhook (payload version 4, as sent). A firing alert opens an incident or joins the open incident with its fingerprint; a resolved alert adds a timeline event and never closes the incident. Severity from the `severity` label (critical → SEV2, high/error → SEV3, warning → SEV4, info → SEV5, sevN/pN → SEVN, else SEV3); services from the `service` label when it is a catalog slug",
    tags: ["incidents"],
    params: [{ name: "team", in: "query", description: "The team's slug: required with a session, optional with a token (defaults to the token's team)" }],
    body: alertmanagerPayloadSchema,
    responses: { 200: { description: "What happened to each alert", schema: alertmanagerResultSchema } },
  },
];

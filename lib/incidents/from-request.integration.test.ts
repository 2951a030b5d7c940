// Declaring an incident from an incident-responder request against real PostgreSQL: the runbook from the
// revision's stored artifacts is attached, the incident links back, and other teams get 404.
import { describe, expect, it } from "vitest";
import { getRole } from "@/lib/agents/registry";
import { getDb } from "@/lib/db/client";
import { ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { declareIncidentFromRequest, listIncidentsFromRequest, previewDeclareFromRequest } from "@/lib/incidents/from-request.server";
import { getIncident } from "@/lib/incidents/incidents.server";
import { createRequest } from "@/lib/requests/requests.server";
import { createService } from "@/lib/services/services.server";
import { makeTeam } from "@/lib/testing/factories";

const example = (role: string) => getRole(role).example as Record<string, unknown>;

async function responderRequest(role = "incident-responder") {
  const team = await makeTeam({ members: ["MEMBER", "VIEWER"] });
  await createService(team.owner.actor, team.slug, { name: "Orders DB", slug: "orders-db", tier: 1, lifecycle: "PRODUCTION" });
  const request = await createRequest(team.members.MEMBER!.actor, { team: team.slug, role, input: example(role), submit: true });
  return { team, request };
}

describe("declaring an incident from a request", () => {
  it("prefills the form from the answers and names the runbook's parts", async () => {
    const { team, request } = await responderRequest();
    const preview = await previewDeclareFromRequest(team.members.MEMBER!.actor, request.id);
    expect(preview.defaults).toMatchObject({ severity: "SEV1", type: "SECURITY", services: ["orders-db"], title: request.title });
    expect(preview.runbookPaths).toEqual(["incident/response-plan.md", "incident/timeline.md"]);
    expect(preview.canDeclare).toBe(true);
    expect((await previewDeclareFromRequest(team.members.VIEWER!.actor, request.id)).canDeclare).toBe(false);
  });

  it("attaches the revision's runbook artifacts and links the incident to the request", async () => {
    const { team, request } = await responderRequest();
    const member = team.members.MEMBER!.actor;
    const incident = await declareIncidentFromRequest(member, request.id, { title: "Leaked CI token used", severity: "SEV1", services: ["orders-db"], type: "SECURITY" });
    expect(incident.source?.requestId).toBe(request.id);
    const stored = await getDb().requestArtifact.findMany({ where: { revision: { requestId: request.id, number: 1 } }, orderBy: { position: "asc" } });
    const plan = stored.find((artifact) => artifact.path === "incident/response-plan.md")!;
    const timeline = stored.find((artifact) => artifact.path === "incident/timeline.md")!;
    expect(incident.source?.runbookMarkdown).toBe(`${plan.content.trim()}\n\n---\n\n${timeline.content.trim()}`);
    expect(incident.source?.runbookMarkdown).not.toContain("graph TD");
    const read = await getIncident(team.owner.actor, incident.id);
    expect(read).toMatchObject({ title: "Leaked CI token used", severity: "SEV1", type: "SECURITY", team: { slug: team.slug } });
    expect((await listIncidentsFromRequest(member, request.id)).map((entry) => entry.id)).toEqual([incident.id]);
  });

  it("takes the runbooks of a devops-incident-responder request", async () => {
    const { team, request } = await responderRequest("devops-incident-responder");
    const incident = await declareIncidentFromRequest(team.owner.actor, request.id, { title: "Checkout latency", severity: "SEV3" });
    expect(incident.source?.runbookMarkdown).toMatch(/^# /);
    expect(incident.source?.runbookMarkdown).toContain("\n\n---\n\n# Escalation path: checkout-api");
  });

  it("is 404 across teams, 403 for a viewer and 422 for other roles or bad input", async () => {
    const { team, request } = await responderRequest();
    const outsider = await makeTeam();
    await expect(declareIncidentFromRequest(outsider.owner.actor, request.id, { title: "Nope", severity: "SEV2" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listIncidentsFromRequest(outsider.owner.actor, request.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(declareIncidentFromRequest(team.members.VIEWER!.actor, request.id, { title: "Nope", severity: "SEV2" })).rejects.toBeInstanceOf(ForbiddenError);
    const sre = await createRequest(team.owner.actor, { team: team.slug, role: "sre-engineer", input: example("sre-engineer"), submit: true });
    await expect(declareIncidentFromRequest(team.owner.actor, sre.id, { title: "Nope", severity: "SEV2" })).rejects.toThrow(
      "Only an Incident Responder or DevOps Incident Responder request can declare an incident; this request is for the SRE Engineer role",
    );
    const invalid = await declareIncidentFromRequest(team.owner.actor, request.id, { title: "x", severity: "SEV2" }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(InvalidError);
    expect(await getDb().incident.count({ where: { teamId: team.id } })).toBe(0);
  });
});

// The roles API through its route handlers: every role with its JSON Schema, one role, 404 and 401.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as getAgents } from "@/app/api/v1/agents/route";
import { GET as getAgent } from "@/app/api/v1/agents/[role]/route";
import { agentSchema } from "@/lib/agents/api-view";
import { roleKeys } from "@/lib/agents/types";
import { makeTeam } from "@/lib/testing/factories";
import { createToken } from "@/lib/tokens/tokens.server";

const noParams = { params: Promise.resolve({}) };
const roleParams = (role: string) => ({ params: Promise.resolve({ role }) });
const request = (path: string, secret?: string) => new NextRequest(`http://localhost/api/v1${path}`, { headers: secret ? { authorization: `Bearer ${secret}` } : {} });

async function tokenSecret() {
  const team = await makeTeam();
  return (await createToken(team.owner.actor, team.slug, { name: "catalogue reader" })).secret;
}

describe("GET /api/v1/agents", () => {
  it("lists the ten roles with their collaborators and input JSON Schemas", async () => {
    const response = await getAgents(request("/agents", await tokenSecret()), noParams);
    expect(response.status).toBe(200);
    const body = z.object({ agents: z.array(agentSchema) }).parse(await response.json());
    expect(body.agents.map((agent) => agent.key)).toEqual([...roleKeys]);
    for (const agent of body.agents) {
      expect(agent.inputSchema).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "object" });
      expect(Object.keys(agent.inputSchema.properties as object).length).toBeGreaterThan(5);
      expect(agent.collaborators.length).toBeGreaterThan(0);
    }
    const network = body.agents.find((agent) => agent.key === "network-engineer")!;
    expect((network.inputSchema.properties as Record<string, unknown>).environments).toMatchObject({ type: "array" });
    expect(body.agents.find((agent) => agent.key === "sre-engineer")!.targets).toContainEqual({ label: "SLO compliance", value: "> 99.9%" });
  });

  it("requires credentials", async () => {
    const response = await getAgents(request("/agents"), noParams);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  });
});

describe("GET /api/v1/agents/{role}", () => {
  it("answers one role", async () => {
    const response = await getAgent(request("/agents/kubernetes-specialist", await tokenSecret()), roleParams("kubernetes-specialist"));
    expect(response.status).toBe(200);
    const { agent } = z.object({ agent: agentSchema }).parse(await response.json());
    expect(agent).toMatchObject({ key: "kubernetes-specialist", domain: "runtime-delivery", domainTitle: "Runtime & delivery" });
    expect(agent.inputSchema.required).toEqual(expect.arrayContaining(["appName", "namespace", "image", "replicasMin", "replicasMax"]));
    expect(agent.example).toMatchObject({ appName: "checkout-api" });
  });

  it("answers an unknown role with a 404 JSON error", async () => {
    const response = await getAgent(request("/agents/backend-developer", await tokenSecret()), roleParams("backend-developer"));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "Role not found" } });
  });
});

// The public API end to end through its route handlers: token auth, team scoping, the error shape.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as getTeams } from "@/app/api/v1/teams/route";
import { GET as getMembers } from "@/app/api/v1/teams/[slug]/members/route";
import { DELETE as deleteUnknown, GET as getUnknown, PATCH as patchUnknown, POST as postUnknown, PUT as putUnknown } from "@/app/api/v1/[...path]/route";
import { meSchema, memberSchema, teamSchema } from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";
import { makeTeam } from "@/lib/testing/factories";
import { hashToken } from "@/lib/tokens/token";
import { createToken, revokeToken } from "@/lib/tokens/tokens.server";

const noParams = { params: Promise.resolve({}) };
const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });

function apiRequest(path: string, headers: Record<string, string> = {}) {
  return new NextRequest(`http://localhost/api/v1${path}`, { headers });
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

/** A well-formed secret that was never issued. */
const unknownSecret = `ppt_${"A".repeat(40)}`;

/** Asserts the standard JSON error and that nothing internal (stack frames, file paths) leaks into it. */
async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const text = await response.text();
  expect(text).not.toContain("    at ");
  expect(text).not.toMatch(/node_modules|\.[cm]?[jt]sx?:\d+/);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toEqual({ code, message: expect.any(String) });
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

async function expectUnauthenticated(response: Response) {
  await expectError(response, 401, "unauthenticated");
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="/);
}

/** Team A with a token of its owner, who also belongs to team B (a token must still see only team A). */
async function teamWithToken(options: { expiresInDays?: number } = {}) {
  const teamA = await makeTeam({ members: ["MEMBER"] });
  const teamB = await makeTeam();
  await getDb().membership.create({ data: { teamId: teamB.id, userId: teamA.owner.id, role: "MEMBER" } });
  const { token, secret } = await createToken(teamA.owner.actor, teamA.slug, { name: "ci bot", expiresInDays: options.expiresInDays });
  return { teamA, teamB, token, secret };
}

describe("GET /api/v1/me", () => {
  it("answers a valid token with its creator and its team only, and never a secret or hash", async () => {
    const { teamA, token, secret } = await teamWithToken();
    const response = await getMe(apiRequest("/me", bearer(secret)), noParams);
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = meSchema.parse(JSON.parse(text));
    expect(body).toEqual({
      user: { id: teamA.owner.id, email: teamA.owner.email, name: teamA.owner.name },
      via: "token",
      token: { id: token.id, teamSlug: teamA.slug },
      teams: [{ id: teamA.id, slug: teamA.slug, name: teamA.name, description: teamA.description, role: "MEMBER" }],
    });
    const { passwordHash } = await getDb().user.findUniqueOrThrow({ where: { id: teamA.owner.id }, omit: { passwordHash: false } });
    for (const secretValue of [secret, hashToken(secret), passwordHash!, "tokenHash", "passwordHash"]) {
      expect(text).not.toContain(secretValue);
    }
  });

  it("answers 401 with the JSON error and WWW-Authenticate when no credentials are sent", async () => {
    await expectUnauthenticated(await getMe(apiRequest("/me"), noParams));
    await expectUnauthenticated(await getTeams(apiRequest("/teams"), noParams));
    await expectUnauthenticated(await getMembers(apiRequest("/teams/anything/members"), slugParams("anything")));
  });

  it.each([
    ["a bare scheme", "Bearer"],
    ["a blank token", "Bearer   "],
    ["another scheme", "Basic x"],
    ["Basic credentials", `Basic ${Buffer.from("user:password").toString("base64")}`],
    ["two tokens", `Bearer ${unknownSecret} ${unknownSecret}`],
    ["a token of the wrong shape", "Bearer not-a-token"],
    ["an unknown token", `Bearer ${unknownSecret}`],
  ])("answers 401 for %s", async (_, authorization) => {
    await expectUnauthenticated(await getMe(apiRequest("/me", { authorization }), noParams));
  });

  it("answers 401 for a bad Authorization header even with a session cookie: the header alone counts", async () => {
    const headers = { authorization: "Bearer nope", cookie: "next-auth.session-token=whatever" };
    await expectUnauthenticated(await getMe(apiRequest("/me", headers), noParams));
  });

  it("answers 401 for a revoked token", async () => {
    const { teamA, token, secret } = await teamWithToken();
    expect((await getMe(apiRequest("/me", bearer(secret)), noParams)).status).toBe(200);
    await revokeToken(teamA.owner.actor, teamA.slug, { tokenId: token.id });
    await expectUnauthenticated(await getMe(apiRequest("/me", bearer(secret)), noParams));
    await expectUnauthenticated(await getTeams(apiRequest("/teams", bearer(secret)), noParams));
    await expectUnauthenticated(await getMembers(apiRequest(`/teams/${teamA.slug}/members`, bearer(secret)), slugParams(teamA.slug)));
  });

  it("answers 401 for an expired token", async () => {
    const { teamA, token, secret } = await teamWithToken({ expiresInDays: 1 });
    expect((await getMe(apiRequest("/me", bearer(secret)), noParams)).status).toBe(200);
    await getDb().apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    await expectUnauthenticated(await getMe(apiRequest("/me", bearer(secret)), noParams));
    await expectUnauthenticated(await getMembers(apiRequest(`/teams/${teamA.slug}/members`, bearer(secret)), slugParams(teamA.slug)));
  });
});

describe("GET /api/v1/teams", () => {
  it("lists only the token's team, though its creator belongs to another", async () => {
    const { teamA, secret } = await teamWithToken();
    const response = await getTeams(apiRequest("/teams", bearer(secret)), noParams);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { teams: unknown[] };
    expect(Object.keys(body)).toEqual(["teams"]);
    expect(body.teams.map((team) => teamSchema.parse(team))).toEqual([
      { id: teamA.id, slug: teamA.slug, name: teamA.name, description: teamA.description, role: "MEMBER" },
    ]);
  });
});

describe("GET /api/v1/teams/{slug}/members", () => {
  it("lists its own team's members, owners first, with public user fields only", async () => {
    const team = await makeTeam({ members: ["VIEWER", "MEMBER", "MAINTAINER"] });
    const secondOwner = (await makeTeam()).owner;
    await getDb().membership.create({ data: { teamId: team.id, userId: secondOwner.id, role: "OWNER" } });
    const { secret } = await createToken(team.owner.actor, team.slug, { name: "reader" });

    const response = await getMembers(apiRequest(`/teams/${team.slug}/members`, bearer(secret)), slugParams(team.slug));
    expect(response.status).toBe(200);
    const text = await response.text();
    const members = (JSON.parse(text) as { members: unknown[] }).members.map((member) => memberSchema.parse(member));
    expect(members.map((member) => member.role)).toEqual(["OWNER", "OWNER", "MAINTAINER", "MEMBER", "VIEWER"]);
    expect(members.slice(0, 2).map((member) => member.user.email)).toEqual([team.owner.email, secondOwner.email].sort());
    expect(members.find((member) => member.role === "VIEWER")!.user).toEqual({
      id: team.members.VIEWER!.id,
      email: team.members.VIEWER!.email,
      name: team.members.VIEWER!.name,
    });
    for (const member of JSON.parse(text).members as Record<string, unknown>[]) {
      expect(Object.keys(member).sort()).toEqual(["id", "joinedAt", "role", "user"]);
      expect(Object.keys(member.user as object).sort()).toEqual(["email", "id", "name"]);
    }
    expect(text).not.toContain("passwordHash");
  });

  it("answers another team's slug exactly as a slug that does not exist (404 not_found)", async () => {
    const { teamB, secret } = await teamWithToken();
    const other = await getMembers(apiRequest(`/teams/${teamB.slug}/members`, bearer(secret)), slugParams(teamB.slug));
    const otherBody = await expectError(other, 404, "not_found");
    const missingSlug = `team-missing-${crypto.randomUUID().slice(0, 8)}`;
    const missing = await getMembers(apiRequest(`/teams/${missingSlug}/members`, bearer(secret)), slugParams(missingSlug));
    const missingBody = await expectError(missing, 404, "not_found");
    expect(otherBody).toEqual(missingBody);
    expect(JSON.stringify(otherBody)).not.toContain(teamB.slug);
    expect(JSON.stringify(otherBody)).not.toContain(teamB.name);
  });
});

describe("unknown /api/v1 paths", () => {
  it("answer 404 with the JSON error for every method", async () => {
    // The catch-all ignores its request: Next routes /api/v1/<anything unknown> here.
    for (const handler of [getUnknown, postUnknown, patchUnknown, putUnknown, deleteUnknown]) {
      const body = await expectError(handler(), 404, "not_found");
      expect(body.error.message).toContain("/api/v1/openapi.json");
    }
  });
});

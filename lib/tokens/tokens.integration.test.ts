import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { listMembers } from "@/lib/teams/teams.server";
import { authenticateToken, createToken, listTokens, revokeToken } from "@/lib/tokens/tokens.server";
import { hashToken } from "@/lib/tokens/token";
import { makeTeam } from "@/lib/testing/factories";

describe("API tokens", () => {
  it("stores only a hash, shows the prefix, and authenticates as the token's team", async () => {
    const team = await makeTeam();
    const { token, secret } = await createToken(team.owner.actor, team.slug, { name: "deploy bot", expiresInDays: 30 });
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id: token.id }, omit: { tokenHash: false } });
    expect(row.tokenHash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(secret.startsWith(row.prefix)).toBe(true);
    const listed = await listTokens(team.owner.actor, team.slug);
    expect(listed[0]).not.toHaveProperty("tokenHash");
    expect(listed[0]).toMatchObject({ name: "deploy bot", status: "active" });

    const actor = await authenticateToken(secret);
    expect(actor).toMatchObject({ kind: "token", teamId: team.id, tokenId: token.id });
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).not.toBeNull();
    // The token reads its own team…
    expect((await listMembers(actor!, team.slug)).length).toBe(1);
  });

  it("refuses revoked, expired and unknown tokens", async () => {
    const team = await makeTeam();
    const { token, secret } = await createToken(team.owner.actor, team.slug, { name: "short lived", expiresInDays: 1 });
    expect(await authenticateToken(secret, new Date(Date.now() + 2 * 86_400_000))).toBeUndefined();
    await revokeToken(team.owner.actor, team.slug, { tokenId: token.id });
    expect(await authenticateToken(secret)).toBeUndefined();
    expect(await authenticateToken(secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a"))).toBeUndefined();
    expect(await authenticateToken("not-a-token")).toBeUndefined();
    await expect(revokeToken(team.owner.actor, team.slug, { tokenId: token.id })).rejects.toBeInstanceOf(ConflictError);
  });

  it("lets only maintainers and owners create or revoke tokens", async () => {
    const team = await makeTeam({ members: ["MEMBER", "VIEWER"] });
    await expect(createToken(team.members.MEMBER!.actor, team.slug, { name: "nope" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createToken(team.members.VIEWER!.actor, team.slug, { name: "nope" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listTokens(team.owner.actor, team.slug)).toEqual([]);
  });

  it("keeps a token inside its team: another team's members, tokens and audit log are not found", async () => {
    const teamA = await makeTeam();
    const teamB = await makeTeam();
    const { secret } = await createToken(teamA.owner.actor, teamA.slug, { name: "a-bot" });
    const { token: tokenB } = await createToken(teamB.owner.actor, teamB.slug, { name: "b-bot" });
    const actor = (await authenticateToken(secret))!;
    await expect(listMembers(actor, teamB.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listTokens(actor, teamB.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeToken(actor, teamB.slug, { tokenId: tokenB.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id: tokenB.id } })).revokedAt).toBeNull();
  });

  it("does not let a member of team A see or revoke team B's tokens", async () => {
    const teamA = await makeTeam();
    const teamB = await makeTeam();
    const { token } = await createToken(teamB.owner.actor, teamB.slug, { name: "b-bot" });
    await expect(listTokens(teamA.owner.actor, teamB.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeToken(teamA.owner.actor, teamA.slug, { tokenId: token.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();
  });
});

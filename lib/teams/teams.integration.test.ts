import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { listAuditEvents } from "@/lib/audit/audit.server";
import { addMember, changeMemberRole, createTeam, getTeam, listMembers, listTeams, removeMember } from "@/lib/teams/teams.server";
import { makeTeam, makeUser } from "@/lib/testing/factories";

describe("teams", () => {
  it("makes the creator the owner and audits the creation in the same transaction", async () => {
    const user = await makeUser();
    const slug = `created-${crypto.randomUUID().slice(0, 8)}`;
    const team = await createTeam(user.actor, { name: "Created Team", slug });
    const members = await listMembers(user.actor, slug);
    expect(members.map((m) => [m.user.email, m.role])).toEqual([[user.email, "OWNER"]]);
    const events = await listAuditEvents(user.actor, slug);
    expect(events.map((e) => e.action)).toEqual(["team.created"]);
    expect(events[0].teamId).toBe(team.id);
    expect(events[0].actorId).toBe(user.id);
  });

  it("answers a taken slug with a field error and creates nothing", async () => {
    const team = await makeTeam();
    const user = await makeUser();
    const error = await createTeam(user.actor, { name: "Copy", slug: team.slug }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect(error.issues[0].path).toEqual(["slug"]);
    expect(await listTeams(user.actor)).toEqual([]);
  });

  it("rejects invalid input with field paths", async () => {
    const user = await makeUser();
    const error = await createTeam(user.actor, { name: "x", slug: "Not A Slug" }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect(error.issues.map((i: { path: string[] }) => i.path.join("."))).toEqual(expect.arrayContaining(["name", "slug"]));
  });

  it("lets maintainers add existing users by email, and audits it", async () => {
    const team = await makeTeam({ members: ["MAINTAINER"] });
    const newcomer = await makeUser();
    await addMember(team.members.MAINTAINER!.actor, team.slug, { email: newcomer.email.toUpperCase(), role: "MEMBER" });
    const members = await listMembers(newcomer.actor, team.slug);
    expect(members.find((m) => m.user.id === newcomer.id)?.role).toBe("MEMBER");
    const events = await listAuditEvents(team.owner.actor, team.slug);
    expect(events[0]).toMatchObject({ action: "member.added", actorId: team.members.MAINTAINER!.id });
  });

  it("answers an unknown email or an existing member with a field error on email", async () => {
    const team = await makeTeam({ members: ["MEMBER"] });
    const unknown = await addMember(team.owner.actor, team.slug, { email: "nobody-here@example.test" }).catch((e) => e);
    expect(unknown).toBeInstanceOf(InvalidError);
    expect(unknown.issues[0].path).toEqual(["email"]);
    const again = await addMember(team.owner.actor, team.slug, { email: team.members.MEMBER!.email }).catch((e) => e);
    expect(again).toBeInstanceOf(InvalidError);
  });

  it("does not let members or viewers manage the team", async () => {
    const team = await makeTeam({ members: ["MEMBER", "VIEWER"] });
    const newcomer = await makeUser();
    for (const role of ["MEMBER", "VIEWER"] as const) {
      await expect(addMember(team.members[role]!.actor, team.slug, { email: newcomer.email })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await listMembers(team.owner.actor, team.slug)).length).toBe(3);
  });

  it("reserves ownership changes to owners and keeps at least one owner", async () => {
    const team = await makeTeam({ members: ["MAINTAINER", "MEMBER"] });
    const ownerMembership = (await listMembers(team.owner.actor, team.slug)).find((m) => m.role === "OWNER")!;
    const memberMembership = (await listMembers(team.owner.actor, team.slug)).find((m) => m.role === "MEMBER")!;
    await expect(changeMemberRole(team.members.MAINTAINER!.actor, team.slug, { membershipId: memberMembership.id, role: "OWNER" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeMemberRole(team.owner.actor, team.slug, { membershipId: ownerMembership.id, role: "MEMBER" })).rejects.toBeInstanceOf(ConflictError);
    await expect(removeMember(team.owner.actor, team.slug, { membershipId: ownerMembership.id })).rejects.toBeInstanceOf(ConflictError);
    await changeMemberRole(team.members.MAINTAINER!.actor, team.slug, { membershipId: memberMembership.id, role: "VIEWER" });
    await removeMember(team.owner.actor, team.slug, { membershipId: memberMembership.id });
    expect((await listMembers(team.owner.actor, team.slug)).map((m) => m.role).sort()).toEqual(["MAINTAINER", "OWNER"]);
  });

  it("counts members and active tokens for the home page", async () => {
    const team = await makeTeam({ members: ["VIEWER"] });
    const summary = await getTeam(team.members.VIEWER!.actor, team.slug);
    expect(summary).toMatchObject({ slug: team.slug, role: "VIEWER", counts: { members: 2, activeTokens: 0 } });
  });
});

describe("team isolation", () => {
  it("hides team B's members, audit log and details from a member of team A, answering NotFound", async () => {
    const teamA = await makeTeam({ members: ["MEMBER"] });
    const teamB = await makeTeam();
    const outsider = teamA.members.MEMBER!.actor;
    await expect(listMembers(outsider, teamB.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAuditEvents(outsider, teamB.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTeam(outsider, teamB.slug)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listTeams(outsider)).map((t) => t.slug)).toEqual([teamA.slug]);
  });

  it("does not let an owner of team A change team B's members, and changes nothing", async () => {
    const teamA = await makeTeam();
    const teamB = await makeTeam({ members: ["MEMBER"] });
    const before = await getDb().membership.findMany({ where: { teamId: teamB.id }, orderBy: { id: "asc" } });
    const bMember = before.find((m) => m.role === "MEMBER")!;
    const attacker = teamA.owner.actor;
    await expect(addMember(attacker, teamB.slug, { email: teamA.owner.email, role: "OWNER" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeMemberRole(attacker, teamB.slug, { membershipId: bMember.id, role: "VIEWER" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(attacker, teamB.slug, { membershipId: bMember.id })).rejects.toBeInstanceOf(NotFoundError);
    // A membership id from team B used through team A's slug is not found either.
    await expect(removeMember(attacker, teamA.slug, { membershipId: bMember.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().membership.findMany({ where: { teamId: teamB.id }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("treats an unknown team the same as another team's", async () => {
    const user = await makeUser();
    const missing = await listMembers(user.actor, "no-such-team").catch((e) => e);
    const other = await listMembers(user.actor, (await makeTeam()).slug).catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(other).toBeInstanceOf(NotFoundError);
    expect(other.message).toBe(missing.message);
  });
});

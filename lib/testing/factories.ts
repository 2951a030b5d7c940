// Small factories for database tests: every test makes its own users and teams, with unique names.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { userActor, type Actor } from "@/lib/auth/actor";
import type { TeamRole } from "@/lib/generated/prisma/browser";

export const TEST_PASSWORD = "correct horse battery";

const unique = () => randomUUID().slice(0, 8);

export async function makeUser(overrides: { email?: string; name?: string; password?: string } = {}) {
  const email = overrides.email ?? `user-${unique()}@example.test`;
  const user = await getDb().user.create({
    data: { email, name: overrides.name ?? `Test ${email}`, passwordHash: await hashPassword(overrides.password ?? TEST_PASSWORD) },
  });
  return { ...user, actor: userActor(user.id) as Actor };
}

/** A team with an owner, plus any members asked for by role. */
export async function makeTeam(options: { members?: TeamRole[] } = {}) {
  const db = getDb();
  const slug = `team-${unique()}`;
  const team = await db.team.create({ data: { slug, name: `Team ${slug}` } });
  const owner = await makeUser();
  await db.membership.create({ data: { teamId: team.id, userId: owner.id, role: "OWNER" } });
  const members: Partial<Record<TeamRole, Awaited<ReturnType<typeof makeUser>>>> = { OWNER: owner };
  for (const role of options.members ?? []) {
    const user = await makeUser();
    await db.membership.create({ data: { teamId: team.id, userId: user.id, role } });
    members[role] = user;
  }
  return { ...team, owner, members };
}

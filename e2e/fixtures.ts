// Playwright fixtures: `seedTeam()` makes a fresh team with one user per role straight in the portal's
// database (the same factories as the integration tests); `asUser(user)` signs that user in through the form.
import { test as base, expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

const dbPort = process.env.E2E_DB_PORT ?? "54339";
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`;
process.env.BCRYPT_COST = "4";
process.env.DATABASE_POOL_SIZE = "2";

export const PASSWORD = "correct horse battery";

export interface SeededUser {
  id: string;
  email: string;
  name: string;
}

export interface SeededTeam {
  slug: string;
  name: string;
  owner: SeededUser;
  maintainer: SeededUser;
  member: SeededUser;
  viewer: SeededUser;
}

async function db() {
  const { getDb } = await import("@/lib/db/client");
  return getDb();
}

async function createUser(label: string): Promise<SeededUser> {
  const { hashPassword } = await import("@/lib/auth/password");
  const unique = randomUUID().slice(0, 8);
  const email = `${label}-${unique}@e2e.test`;
  const name = `${label[0].toUpperCase()}${label.slice(1)} ${unique}`;
  const user = await (await db()).user.create({ data: { email, name, passwordHash: await hashPassword(PASSWORD) } });
  return { id: user.id, email, name };
}

/** A new team with an owner, a maintainer, a member and a viewer. */
export async function seedTeam(label = "team"): Promise<SeededTeam> {
  const client = await db();
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const name = `${label[0].toUpperCase()}${label.slice(1)} ${slug.slice(-8)}`;
  const team = await client.team.create({ data: { slug, name } });
  const [owner, maintainer, member, viewer] = await Promise.all([createUser("owner"), createUser("maintainer"), createUser("member"), createUser("viewer")]);
  await client.membership.createMany({
    data: [
      { teamId: team.id, userId: owner.id, role: "OWNER" },
      { teamId: team.id, userId: maintainer.id, role: "MAINTAINER" },
      { teamId: team.id, userId: member.id, role: "MEMBER" },
      { teamId: team.id, userId: viewer.id, role: "VIEWER" },
    ],
  });
  return { slug, name, owner, maintainer, member, viewer };
}

/** Adds an existing user to a team. */
export async function addToTeam(user: SeededUser, teamSlug: string, role: "OWNER" | "MAINTAINER" | "MEMBER" | "VIEWER") {
  const client = await db();
  const team = await client.team.findUniqueOrThrow({ where: { slug: teamSlug } });
  await client.membership.create({ data: { teamId: team.id, userId: user.id, role } });
}

export async function signIn(page: Page, user: { email: string }, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 30_000 });
}

export const test = base.extend<{ asUser: (user: SeededUser) => Promise<Page> }>({
  asUser: async ({ page }, use) => {
    await use(async (user) => {
      await signIn(page, user);
      return page;
    });
  },
});

export { expect };

// The demo organisation: two teams and four people, one per role; each team has two people who can review. Idempotent: run it on every start.
import { getDb, type Tx } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/audit.server";
import type { TeamRole } from "@/lib/generated/prisma/browser";
import { seedIncidentDemo } from "@/lib/incidents/demo";
import { seedSloDemo } from "@/lib/slo/demo";
import { seedDeploymentDemo } from "@/lib/deployments/demo";
import { seedDemoRequests } from "@/lib/requests/demo";
import { seedReviewDemo } from "@/lib/reviews/demo";
import { seedMeetingDemo } from "@/lib/reviews/meetings-demo";

export const DEMO_PASSWORD = "demo-password-2026";

export const demoTeams = [
  { slug: "platform", name: "Platform", description: "Runs the shared infrastructure: clusters, networks, pipelines and the portal itself." },
  { slug: "payments", name: "Payments", description: "Owns checkout, the payment gateway and the ledger services." },
] as const;

export const demoUsers: { email: string; name: string; roles: Record<string, TeamRole> }[] = [
  { email: "admin@demo.local", name: "Alex Admin", roles: { platform: "OWNER", payments: "OWNER" } },
  // Every demo team has a maintainer besides its owner, so the owner's first request can be approved.
  { email: "maintainer@demo.local", name: "Morgan Maintainer", roles: { platform: "MAINTAINER", payments: "MAINTAINER" } },
  { email: "member@demo.local", name: "Mira Member", roles: { payments: "MEMBER" } },
  { email: "viewer@demo.local", name: "Victor Viewer", roles: { platform: "VIEWER", payments: "VIEWER" } },
];

/** Creates what is missing of the demo organisation; never overwrites what users changed. */
export async function seedDemo(log: (line: string) => void = () => undefined): Promise<{ created: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created = await getDb().$transaction(async (tx) => (await seedDemoRows(tx, passwordHash)) + (await seedDemoRequests(tx)) + (await seedReviewDemo(tx)) + (await seedMeetingDemo(tx)), { timeout: 60_000 });
  log(created > 0 ? `seeded the demo organisation (${created} rows)` : "demo organisation already present");
  await seedSloDemo(new Date(), log);
  await seedDeploymentDemo(new Date(), log);
  return { created };
}

async function seedDemoRows(db: Tx, passwordHash: string): Promise<number> {
  let created = 0;
  const teamIds = new Map<string, string>();
  for (const team of demoTeams) {
    const existing = await db.team.findUnique({ where: { slug: team.slug } });
    if (existing) {
      teamIds.set(team.slug, existing.id);
      continue;
    }
    const row = await db.team.create({ data: team });
    teamIds.set(team.slug, row.id);
    await recordAudit(db, null, { action: "team.created", teamId: row.id, targetType: "team", targetId: row.id, details: { slug: row.slug, name: row.name } });
    created++;
  }
  for (const person of demoUsers) {
    let user = await db.user.findUnique({ where: { email: person.email } });
    if (!user) {
      user = await db.user.create({ data: { email: person.email, name: person.name, passwordHash } });
      created++;
    }
    for (const [slug, role] of Object.entries(person.roles)) {
      const teamId = teamIds.get(slug)!;
      const membership = await db.membership.findUnique({ where: { userId_teamId: { userId: user.id, teamId } } });
      if (!membership) {
        const added = await db.membership.create({ data: { userId: user.id, teamId, role } });
        await recordAudit(db, null, { action: "member.added", teamId, targetType: "membership", targetId: added.id, details: { email: user.email, role } });
        created++;
      }
    }
  }
  created += await seedIncidentDemo(db);
  return created;
}

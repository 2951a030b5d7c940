// Seeds 90 days of demo deployments on every start (lib/deployments/demo-data.ts), consistent with the demo
// incidents: each incident whose timeline records a deployment gets that deployment (at that minute, with
// that version), and no other deployment of the service lands in the hours before the incident, so the
// DORA figures blame the deployment the story names. Idempotent: keys already stored are skipped.
import { getDb } from "@/lib/db/client";
import { insertDeployments } from "@/lib/deployments/deployments.server";
import { planDemoDeployments, type QuietSpan } from "@/lib/deployments/demo-data";
import type { DeploymentInput } from "@/lib/deployments/schema";
import { MAX_DEPLOYMENTS_PER_BATCH } from "@/lib/deployments/schema";

const DAY = 86_400_000;
const DEMO_DAYS = 90;
// Long enough to cover the story deployment (minutes before its incident) and its incident start.
const QUIET_HOURS = 3;

export async function seedDeploymentDemo(now: Date = new Date(), log: (line: string) => void = () => undefined): Promise<{ created: number }> {
  const db = getDb();
  const teams = await db.team.findMany({ where: { slug: { in: ["payments", "platform"] } }, select: { id: true, slug: true, name: true } });
  let created = 0;
  for (const team of teams) {
    const services = await db.service.findMany({ where: { teamId: team.id }, select: { id: true, slug: true } });
    const slugs = new Set(services.map((service) => service.slug));
    const incidents = await db.incident.findMany({
      where: { teamId: team.id },
      select: {
        id: true,
        declaredAt: true,
        impactStartedAt: true,
        mitigatedAt: true,
        services: { select: { service: { select: { slug: true } } } },
        events: { where: { type: "DEPLOY" }, select: { id: true, body: true, occurredAt: true }, orderBy: { occurredAt: "asc" } },
      },
    });
    const quiet: QuietSpan[] = [];
    const story: DeploymentInput[] = [];
    for (const incident of incidents) {
      const began = incident.impactStartedAt ?? incident.declaredAt;
      const affected = incident.services.map((entry) => entry.service.slug);
      for (const service of affected) quiet.push({ service, from: new Date(began.getTime() - QUIET_HOURS * 3_600_000), to: began });
      for (const event of incident.events) {
        const named = affected.find((slug) => event.body.startsWith(slug)) ?? affected[0];
        if (!named || !slugs.has(named)) continue;
        const finishedAt = new Date(Math.min(event.occurredAt.getTime() + 60_000, began.getTime()));
        story.push({
          key: `demo-incident-${event.id}`,
          service: named,
          environment: "production",
          version: /v\d+(?:\.\d+)+/.exec(event.body)?.[0] ?? "",
          status: "SUCCEEDED",
          startedAt: event.occurredAt,
          finishedAt,
          triggeredBy: "Morgan Maintainer",
          rework: false,
          commits: [{ sha: event.id.replace(/[^0-9a-f]/g, "").padEnd(12, "0").slice(0, 40), authoredAt: new Date(event.occurredAt.getTime() - 5 * 3_600_000), message: event.body.slice(0, 200) }],
        });
        if (incident.mitigatedAt) {
          story.push({
            key: `demo-incident-${event.id}:fix`,
            service: named,
            environment: "production",
            version: "rollback",
            status: "SUCCEEDED",
            startedAt: new Date(incident.mitigatedAt.getTime() - 6 * 60_000),
            finishedAt: new Date(incident.mitigatedAt.getTime() - 60_000),
            triggeredBy: "Alex Admin",
            rework: true,
          });
        }
      }
    }
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const planned = planDemoDeployments({ firstDay: new Date(today - (DEMO_DAYS - 1) * DAY), days: DEMO_DAYS, until: now, quiet })
      .filter((plan) => slugs.has(plan.service))
      .concat(story);
    const existing = new Set(
      (await db.deployment.findMany({ where: { teamId: team.id, clientKey: { in: planned.map((plan) => plan.key) } }, select: { clientKey: true } })).map((row) => row.clientKey),
    );
    const missing = planned.filter((plan) => !existing.has(plan.key));
    for (let index = 0; index < missing.length; index += MAX_DEPLOYMENTS_PER_BATCH) {
      const batch = missing.slice(index, index + MAX_DEPLOYMENTS_PER_BATCH);
      await db.$transaction((tx) => insertDeployments(tx, null, { team, role: "OWNER" }, batch, "demo"), { timeout: 60_000 });
    }
    created += missing.length;
  }
  log(created > 0 ? `seeded ${created} demo deployments` : "demo deployments already present");
  return { created };
}

// The demo deployments: 90 days of production deployments for the demo services. Pure and deterministic:
// every figure comes from a hash of the service and the day, never from a clock or Math.random, so a
// restart produces the same rows (keys by UTC date) and only adds the days that are new.
import type { DeploymentInput } from "@/lib/deployments/schema";

/** Deployments on a working day, per demo service (weekends get at most one). */
export const demoDeploymentProfiles: Record<string, number> = {
  "checkout-api": 5,
  "payment-gateway": 2,
  ledger: 1,
  "ingress-gateway": 2,
  "kubernetes-control-plane": 1,
  "ci-runners": 3,
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** FNV-1a of a string, as a fraction in [0, 1). */
export function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000;
}

const sha = (seed: string) => Array.from({ length: 5 }, (_, index) => Math.floor(unitHash(`${seed}#${index}`) * 0x1_0000_0000).toString(16).padStart(8, "0")).join("");

export interface QuietSpan {
  service: string;
  from: Date;
  to: Date;
}

const people = ["Morgan Maintainer", "Mira Member", "Alex Admin", "github-actions", "argocd"];

/**
 * The plan for the UTC days [firstDay, firstDay + days): up to `until` (later times are left for a later
 * start). Nothing is planned for a service inside a quiet span (the hours before a demo incident, which
 * must stay blamed on the deployment its timeline names).
 */
export function planDemoDeployments(options: { firstDay: Date; days: number; until: Date; quiet: QuietSpan[] }): (DeploymentInput & { service: string })[] {
  const plans: (DeploymentInput & { service: string })[] = [];
  for (let dayIndex = 0; dayIndex < options.days; dayIndex++) {
    const day = new Date(options.firstDay.getTime() + dayIndex * DAY);
    const date = day.toISOString().slice(0, 10);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    for (const [service, base] of Object.entries(demoDeploymentProfiles)) {
      const roll = unitHash(`${service}:${date}`);
      const count = weekend ? (roll < 0.3 ? 1 : 0) : Math.max(0, Math.round(base * (0.5 + roll)));
      for (let n = 0; n < count; n++) {
        const seed = `${service}:${date}:${n}`;
        const startedAt = new Date(day.getTime() + 8 * HOUR + ((n + unitHash(`${seed}:t`)) / count) * 10 * HOUR);
        const finishedAt = new Date(startedAt.getTime() + (3 + Math.floor(unitHash(`${seed}:d`) * 10)) * MINUTE);
        if (finishedAt > options.until) continue;
        if (options.quiet.some((span) => span.service === service && startedAt < span.to && finishedAt > span.from)) continue;
        const failed = unitHash(`${seed}:f`) < 0.05;
        const commits = Array.from({ length: 1 + Math.floor(unitHash(`${seed}:c`) * 3) }, (_, index) => {
          const lead = (0.4 + unitHash(`${seed}:l${index}`) ** 2 * 60) * HOUR;
          return { sha: sha(`${seed}:${index}`), authoredAt: new Date(startedAt.getTime() - lead), message: `Change ${index + 1} to ${service}` };
        });
        const version = `1.${dayIndex}.${n}`;
        const common = { environment: "production", triggeredBy: people[Math.floor(unitHash(`${seed}:p`) * people.length)], url: `https://ci.example.com/${service}/runs/${date}-${n}` };
        plans.push({ ...common, key: `demo-${seed}`, service, version, commitSha: commits[0].sha, status: failed ? "FAILED" : "SUCCEEDED", startedAt, finishedAt, rework: false, commits });
        if (failed) {
          // The fix: an unplanned deployment 40 minutes later, carrying one more commit.
          const fixStart = new Date(finishedAt.getTime() + 40 * MINUTE);
          const fixEnd = new Date(fixStart.getTime() + 5 * MINUTE);
          if (fixEnd > options.until) continue;
          const fixCommit = { sha: sha(`${seed}:fix`), authoredAt: new Date(finishedAt.getTime() + 20 * MINUTE), message: `Fix the failed ${version} of ${service}` };
          plans.push({ ...common, key: `demo-${seed}:fix`, service, version: `${version}-fix`, commitSha: fixCommit.sha, status: "SUCCEEDED", startedAt: fixStart, finishedAt: fixEnd, rework: true, commits: [fixCommit] });
        }
      }
    }
  }
  return plans;
}

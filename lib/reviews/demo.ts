// Demo reviews: reviewer designations, required approvals for the security and network roles in both
// demo teams, and a few decisions on demo requests (accepted, proposed, one superseded). Idempotent: a
// team is seeded once (its first demo decision marks it), so later changes by users are kept.
import type { Tx } from "@/lib/db/client";
import type { DecisionStatus } from "@/lib/generated/prisma/client";
import { nextDecisionNumber } from "@/lib/reviews/decisions.server";

const DAY = 24 * 3_600_000;

interface DemoDecision {
  id: string;
  requestId: string;
  title: string;
  status: DecisionStatus;
  supersededBy?: string;
  ago: number;
  author: string;
  context: string;
  decision: string;
  consequences: string;
}

interface DemoTeamReviews {
  team: "platform" | "payments";
  reviewers: { email: string; kinds: string[] }[];
  requirements: { role: string; reviewerKind: string; count: number }[];
  decisions: DemoDecision[];
}

const requirements = [
  { role: "security-engineer", reviewerKind: "security", count: 1 },
  { role: "network-engineer", reviewerKind: "network", count: 1 },
];

const demo: DemoTeamReviews[] = [
  {
    team: "payments",
    // Two people who review network and security requests, so either one's request can be approved by the other.
    reviewers: [
      { email: "admin@demo.local", kinds: ["network", "security"] },
      { email: "maintainer@demo.local", kinds: ["network", "security"] },
    ],
    requirements,
    decisions: [
      {
        id: "demo-decision-payments-cidr",
        requestId: "demo-request-network",
        title: "One /16 per environment for the payments VPCs",
        status: "ACCEPTED",
        ago: 2 * DAY,
        author: "admin@demo.local",
        context: "The payments VPCs need room for a **data tier** and two more tiers later, without renumbering.",
        decision: "Each environment gets its own `/16` from `10.64.0.0/12`; tiers are `/20` slices of it.",
        consequences: "- No overlap with shared services (`10.0.0.0/16`).\n- Four spare `/20`s per environment.\n- The address plan lives in the network request's revision 2.",
      },
      {
        id: "demo-decision-payments-tgw",
        requestId: "demo-request-network",
        title: "Reach shared services through a transit gateway attachment",
        status: "SUPERSEDED",
        supersededBy: "demo-decision-payments-privatelink",
        ago: 5 * DAY,
        author: "admin@demo.local",
        context: "The artifact mirror in shared services must be reachable from every payments tier.",
        decision: "Attach the payments VPCs to the organisation's transit gateway.",
        consequences: "Every tier could route to every shared service, which is more than the ledger needs.",
      },
      {
        id: "demo-decision-payments-privatelink",
        requestId: "demo-request-network",
        title: "Reach the artifact mirror through a PrivateLink endpoint",
        status: "ACCEPTED",
        ago: 2 * DAY,
        author: "admin@demo.local",
        context: "Only the artifact mirror is needed from shared services; a full transit-gateway attachment opens far more.",
        decision: "Expose the mirror as a PrivateLink endpoint service and consume it from the private tier only.",
        consequences: "- The data tier keeps **no** route out.\n- One endpoint per environment to pay for and monitor.",
      },
      {
        id: "demo-decision-payments-heap",
        requestId: "demo-request-kubernetes",
        title: "Size the checkout pods for the JVM warm-up",
        status: "PROPOSED",
        ago: 4 * 3_600_000,
        author: "admin@demo.local",
        context: "The memory limit looks tight for the JVM warm-up seen in last month's load test.",
        decision: "Raise the memory limit to 1.5 GiB and set `-XX:MaxRAMPercentage=70`.",
        consequences: "About 20 % more memory requested per node pool; fewer OOM kills during deploys.",
      },
    ],
  },
  {
    team: "platform",
    reviewers: [{ email: "maintainer@demo.local", kinds: ["network", "security"] }],
    requirements,
    decisions: [
      {
        id: "demo-decision-platform-state",
        requestId: "demo-request-terraform",
        title: "One Terraform state bucket per environment",
        status: "ACCEPTED",
        ago: 11 * DAY,
        author: "admin@demo.local",
        context: "All environments shared one state bucket, so a mistaken `apply` could touch production state.",
        decision: "Each environment gets its own state bucket and lock table, with access limited to its pipeline role.",
        consequences: "Three buckets to manage; promotion between environments goes through the pipeline only.",
      },
      {
        id: "demo-decision-platform-evidence",
        requestId: "demo-request-incident",
        title: "Preserve evidence before rotating credentials",
        status: "ACCEPTED",
        ago: 4 * DAY,
        author: "admin@demo.local",
        context: "Rotating the leaked credentials first would have destroyed the access logs we need.",
        decision: "Snapshot the access logs and the affected hosts' disks, then rotate.",
        consequences: "Rotation waits up to 30 minutes for the snapshots.",
      },
      {
        id: "demo-decision-platform-dr",
        requestId: "demo-request-cloud",
        title: "Keep the disaster-recovery region on the same continent",
        status: "PROPOSED",
        ago: 8 * 3_600_000,
        author: "maintainer@demo.local",
        context: "The budget covers one DR region; data residency rules apply to customer data.",
        decision: "Use `eu-central-1` as the DR region for `eu-west-1`.",
        consequences: "Regional outages across Europe are not covered.",
      },
    ],
  },
];

/** Seeds what is missing; returns how many rows it created. */
export async function seedReviewDemo(tx: Tx, now = new Date()): Promise<number> {
  let created = 0;
  const at = (ago: number) => new Date(now.getTime() - ago);
  for (const entry of demo) {
    const team = await tx.team.findUnique({ where: { slug: entry.team }, select: { id: true } });
    if (!team) continue;
    if (await tx.decision.findUnique({ where: { id: entry.decisions[0].id }, select: { id: true } })) continue;
    for (const reviewer of entry.reviewers) {
      const user = await tx.user.findUnique({ where: { email: reviewer.email }, select: { id: true } });
      if (!user) continue;
      const result = await tx.reviewerDesignation.createMany({ data: reviewer.kinds.map((kind) => ({ teamId: team.id, userId: user.id, kind })), skipDuplicates: true });
      created += result.count;
    }
    for (const rule of entry.requirements) {
      if (await tx.approvalRequirement.count({ where: { teamId: team.id, roleKey: rule.role } })) continue;
      await tx.approvalRequirement.create({ data: { teamId: team.id, roleKey: rule.role, reviewerKind: rule.reviewerKind, count: rule.count } });
      created++;
    }
    // Oldest first, so the numbers follow the dates; supersession links are set once all exist.
    for (const decision of [...entry.decisions].sort((a, b) => b.ago - a.ago)) {
      const request = await tx.request.findUnique({ where: { id: decision.requestId }, select: { id: true, currentRevision: true, teamId: true } });
      if (!request || request.teamId !== team.id) continue;
      const author = await tx.user.findUnique({ where: { email: decision.author }, select: { id: true } });
      // The revision the decision was taken on: the newest one saved by then.
      const revision = await tx.requestRevision.count({ where: { requestId: request.id, createdAt: { lte: at(decision.ago) } } });
      const number = await nextDecisionNumber(tx, team.id);
      await tx.decision.create({
        data: {
          id: decision.id,
          teamId: team.id,
          number,
          title: decision.title,
          status: decision.status,
          context: decision.context,
          decision: decision.decision,
          consequences: decision.consequences,
          requestId: request.id,
          revision: revision || request.currentRevision || null,
          authorId: author?.id ?? null,
          decidedAt: decision.status === "PROPOSED" ? null : at(decision.ago),
          createdAt: at(decision.ago),
          updatedAt: at(decision.ago),
        },
      });
      await tx.auditLog.create({
        data: { actorId: author?.id ?? null, teamId: team.id, action: "decision.created", targetType: "decision", targetId: decision.id, details: { via: "demo-seed", title: decision.title, status: decision.status }, createdAt: at(decision.ago) },
      });
      created++;
    }
    for (const decision of entry.decisions.filter((candidate) => candidate.supersededBy)) {
      await tx.decision.updateMany({ where: { id: decision.id }, data: { supersededById: decision.supersededBy } });
    }
  }
  return created;
}

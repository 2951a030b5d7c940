// Demo requests: a living queue for a new user, one request in every status, spread over the ten roles,
// written and reviewed by the right demo people (nobody approves their own), with revisions, review
// comments and a few discussion threads. Idempotent: each request has a fixed id and is created once.
import type { Tx } from "@/lib/db/client";
import { Prisma, type RequestStatus } from "@/lib/generated/prisma/client";
import { getRole, isRoleKey } from "@/lib/agents/registry";
import { storeRevisionArtifacts } from "@/lib/artifacts/artifacts.server";
import type { FormValues } from "@/lib/agents/types";
import { stepOf, validateRoleInput } from "@/lib/agents/form-logic";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Who = "admin" | "maintainer" | "member";

interface DemoMove {
  to: RequestStatus;
  by: Who;
  /** How long before the seeding this happened. */
  ago: number;
  comment?: string;
  /** For an approval or a request for changes: the reviewer kinds it counted for (ADR 012). */
  kinds?: string[];
}

interface DemoRequest {
  id: string;
  team: "platform" | "payments";
  role: string;
  title: string;
  author: Who;
  createdAgo: number;
  /** The answers of each revision, oldest first; empty for a draft. */
  revisions: { input: FormValues; by: Who; ago: number }[];
  moves: DemoMove[];
  comments?: { by: Who; ago: number; body: string }[];
  /** For a draft: the autosaved answers. */
  draft?: FormValues;
}

const emails: Record<Who, string> = { admin: "admin@demo.local", maintainer: "maintainer@demo.local", member: "member@demo.local" };

function example(role: string): FormValues {
  return structuredClone(getRole(role).example) as FormValues;
}

/** The SRE example for a refunds service: what adopting SLOs from a request turns into a new service's SLOs. */
function refundsSlos(): FormValues {
  const values = example("sre-engineer");
  values.serviceName = "refunds-api";
  values.userJourney = "A customer asks for a refund and sees it confirmed.";
  values.slis = [
    { name: "refunds-availability", kind: "availability", goodQuery: 'sum(rate(http_requests_total{job="refunds-api",code!~"5.."}[5m]))', totalQuery: 'sum(rate(http_requests_total{job="refunds-api"}[5m]))', objectivePercent: 99.9 },
    { name: "refunds-latency", kind: "latency", latencyQuery: 'http_request_duration_seconds_bucket{job="refunds-api"}', thresholdMs: 500, objectivePercent: 99 },
  ];
  return values;
}

/** The answers of the role's first steps only: what someone has filled in before stopping for lunch. */
function halfFilled(role: string): FormValues {
  const definition = getRole(role);
  const firstSteps = new Set(definition.steps.slice(0, Math.ceil(definition.steps.length / 2)).map((step) => step.id));
  const full = example(role);
  const kept = new Set(definition.fields.filter((field) => firstSteps.has(stepOf(definition, field))).map((field) => field.path.split(".")[0]));
  return Object.fromEntries(Object.entries(full).filter(([key]) => kept.has(key)));
}

function demoRequests(): DemoRequest[] {
  const network = example("network-engineer") as FormValues & { tiers: unknown[]; connections: unknown[] };
  return [
    {
      id: "demo-request-network",
      team: "payments",
      role: "network-engineer",
      title: "",
      author: "member",
      createdAgo: 7 * DAY,
      revisions: [
        { input: { ...network, tiers: network.tiers.slice(0, 2), connections: network.connections.slice(1) }, by: "member", ago: 6 * DAY },
        { input: network, by: "member", ago: 4 * DAY + 2 * HOUR },
      ],
      moves: [
        { to: "SUBMITTED", by: "member", ago: 6 * DAY },
        { to: "IN_REVIEW", by: "admin", ago: 5 * DAY + 3 * HOUR },
        {
          to: "CHANGES_REQUESTED",
          by: "admin",
          ago: 5 * DAY,
          comment: "The ledger database needs its own data tier, and we need the transit-gateway attachment to shared services (10.0.0.0/16) for the artifact mirror.",
          kinds: ["maintainer", "network", "security"],
        },
        { to: "SUBMITTED", by: "member", ago: 4 * DAY + 2 * HOUR, comment: "Added the data tier and the shared-services attachment." },
        { to: "IN_REVIEW", by: "admin", ago: 3 * DAY },
        { to: "APPROVED", by: "admin", ago: 2 * DAY, comment: "Approved. The /16 per environment leaves room for two more tiers.", kinds: ["maintainer", "network", "security"] },
      ],
      comments: [
        { by: "member", ago: 5 * DAY - HOUR, body: "Should the data tier get **no** route to the NAT gateways at all? The ledger only talks to the private tier." },
        { by: "admin", ago: 5 * DAY - 2 * HOUR, body: "Yes: no default route from the data tier. Egress for patching goes through the private tier's proxy." },
      ],
    },
    {
      id: "demo-request-kubernetes",
      team: "payments",
      role: "kubernetes-specialist",
      title: "",
      author: "maintainer",
      createdAgo: 3 * DAY,
      revisions: [{ input: example("kubernetes-specialist"), by: "maintainer", ago: 2 * DAY + 20 * HOUR }],
      moves: [
        { to: "SUBMITTED", by: "maintainer", ago: 2 * DAY + 20 * HOUR },
        { to: "IN_REVIEW", by: "admin", ago: 5 * HOUR, comment: "Checking the resource limits against last month's load test." },
      ],
      comments: [{ by: "admin", ago: 4 * HOUR, body: "Memory limit looks tight for the JVM warm-up. Do you have a heap dump from the last load test?" }],
    },
    {
      id: "demo-request-deployment",
      team: "payments",
      role: "deployment-engineer",
      title: "",
      author: "member",
      createdAgo: 26 * HOUR,
      revisions: [{ input: example("deployment-engineer"), by: "member", ago: 22 * HOUR }],
      moves: [{ to: "SUBMITTED", by: "member", ago: 22 * HOUR }],
    },
    {
      id: "demo-request-security",
      team: "payments",
      role: "security-engineer",
      title: "",
      author: "maintainer",
      createdAgo: 4 * DAY,
      revisions: [{ input: example("security-engineer"), by: "maintainer", ago: 4 * DAY - 3 * HOUR }],
      moves: [
        { to: "SUBMITTED", by: "maintainer", ago: 4 * DAY - 3 * HOUR },
        { to: "IN_REVIEW", by: "admin", ago: 2 * DAY },
        {
          to: "CHANGES_REQUESTED",
          by: "admin",
          ago: 30 * HOUR,
          comment: "Please say which environments DAST may run against (staging only?), and whether the legacy batch jobs can take 30-day secret rotation.",
          kinds: ["maintainer", "network", "security"],
        },
      ],
    },
    {
      id: "demo-request-sre",
      team: "payments",
      role: "sre-engineer",
      title: "SLOs for the payment gateway",
      author: "member",
      createdAgo: 3 * HOUR,
      revisions: [],
      moves: [],
      draft: halfFilled("sre-engineer"),
    },
    {
      // Approved, so its SLOs can be adopted: the SRE form describes a service the catalog does not have yet.
      id: "demo-request-sre-refunds",
      team: "payments",
      role: "sre-engineer",
      title: "",
      author: "member",
      createdAgo: 6 * DAY,
      revisions: [{ input: refundsSlos(), by: "member", ago: 6 * DAY }],
      moves: [
        { to: "SUBMITTED", by: "member", ago: 6 * DAY },
        { to: "IN_REVIEW", by: "admin", ago: 5 * DAY },
        { to: "APPROVED", by: "admin", ago: 5 * DAY - HOUR, comment: "Objectives agreed with the refunds product owner." },
      ],
    },
    {
      id: "demo-request-terraform",
      team: "platform",
      role: "terraform-engineer",
      title: "",
      author: "maintainer",
      createdAgo: 14 * DAY,
      revisions: [{ input: example("terraform-engineer"), by: "maintainer", ago: 13 * DAY }],
      moves: [
        { to: "SUBMITTED", by: "maintainer", ago: 13 * DAY },
        { to: "IN_REVIEW", by: "admin", ago: 12 * DAY },
        { to: "APPROVED", by: "admin", ago: 11 * DAY },
        { to: "CLOSED", by: "admin", ago: 6 * DAY, comment: "Modules are in the platform-infra repository and applied in all three environments." },
      ],
    },
    {
      id: "demo-request-cloud",
      team: "platform",
      role: "cloud-architect",
      title: "",
      author: "maintainer",
      createdAgo: 2 * DAY,
      revisions: [{ input: example("cloud-architect"), by: "maintainer", ago: 9 * HOUR }],
      moves: [{ to: "SUBMITTED", by: "maintainer", ago: 9 * HOUR }],
      comments: [{ by: "maintainer", ago: 8 * HOUR, body: "Context: the budget figure is the **whole** monthly envelope, including the DR region." }],
    },
    {
      id: "demo-request-devops-incident",
      team: "platform",
      role: "devops-incident-responder",
      title: "",
      author: "maintainer",
      createdAgo: 9 * DAY,
      revisions: [{ input: example("devops-incident-responder"), by: "maintainer", ago: 9 * DAY }],
      moves: [
        { to: "SUBMITTED", by: "maintainer", ago: 9 * DAY },
        { to: "WITHDRAWN", by: "maintainer", ago: 8 * DAY + 20 * HOUR, comment: "The on-call found the cause (a connection-pool leak) before this was picked up." },
      ],
    },
    {
      id: "demo-request-incident",
      team: "platform",
      role: "incident-responder",
      title: "",
      author: "maintainer",
      createdAgo: 5 * DAY,
      revisions: [{ input: example("incident-responder"), by: "maintainer", ago: 5 * DAY }],
      moves: [
        { to: "SUBMITTED", by: "maintainer", ago: 5 * DAY },
        { to: "IN_REVIEW", by: "admin", ago: 4 * DAY + 20 * HOUR },
        { to: "APPROVED", by: "admin", ago: 4 * DAY + 18 * HOUR, comment: "Approved: start with evidence preservation before rotating anything." },
      ],
    },
    {
      id: "demo-request-devops",
      team: "platform",
      role: "devops-engineer",
      title: "",
      author: "maintainer",
      createdAgo: 30 * HOUR,
      revisions: [{ input: example("devops-engineer"), by: "maintainer", ago: 28 * HOUR }],
      moves: [
        { to: "SUBMITTED", by: "maintainer", ago: 28 * HOUR },
        { to: "IN_REVIEW", by: "admin", ago: 2 * HOUR },
      ],
    },
  ];
}

/** Creates the demo requests that are missing. Returns how many were created. */
export async function seedDemoRequests(tx: Tx, now = new Date()): Promise<number> {
  const teams = new Map((await tx.team.findMany({ where: { slug: { in: ["platform", "payments"] } }, select: { id: true, slug: true } })).map((team) => [team.slug, team.id]));
  const users = new Map((await tx.user.findMany({ where: { email: { in: Object.values(emails) } }, select: { id: true, email: true } })).map((user) => [user.email, user.id]));
  const userId = (who: Who) => users.get(emails[who]) ?? null;
  const at = (ago: number) => new Date(now.getTime() - ago);
  let created = 0;

  for (const demo of demoRequests()) {
    if (!isRoleKey(demo.role) || !teams.has(demo.team)) continue;
    if (await tx.request.findUnique({ where: { id: demo.id }, select: { id: true } })) continue;
    const role = getRole(demo.role);
    const teamId = teams.get(demo.team)!;
    const revisions = demo.revisions.map((revision) => {
      const result = validateRoleInput(role, revision.input);
      if (!result.success) throw new Error(`Demo request ${demo.id}: ${JSON.stringify(result.errors)}`);
      return { ...revision, input: result.data as Prisma.InputJsonValue };
    });
    const title = demo.title || (revisions.length ? role.defaultTitle(revisions.at(-1)!.input as never) : "");
    const status = demo.moves.at(-1)?.to ?? "DRAFT";
    const last = Math.min(...[demo.createdAgo, ...demo.revisions.map((revision) => revision.ago), ...demo.moves.map((move) => move.ago), ...(demo.comments ?? []).map((comment) => comment.ago)]);
    const submitted = demo.moves.filter((move) => move.to === "SUBMITTED").at(-1);

    await tx.request.create({
      data: {
        id: demo.id,
        teamId,
        roleKey: role.key,
        title,
        status,
        authorId: userId(demo.author),
        currentRevision: revisions.length,
        draft: demo.draft ? (demo.draft as Prisma.InputJsonValue) : Prisma.DbNull,
        draftUpdatedAt: demo.draft ? at(demo.createdAgo - HOUR) : null,
        draftUpdatedById: demo.draft ? userId(demo.author) : null,
        version: 1 + revisions.length + demo.moves.length,
        submittedAt: submitted ? at(submitted.ago) : null,
        createdAt: at(demo.createdAgo),
        updatedAt: at(last),
      },
    });
    const audit = (action: string, who: Who, ago: number, details: Record<string, unknown>) =>
      tx.auditLog.create({
        data: { actorId: userId(who), teamId, action, targetType: "request", targetId: demo.id, details: { via: "demo-seed", ...details } as Prisma.InputJsonValue, createdAt: at(ago) },
      });
    await audit("request.created", demo.author, demo.createdAgo, { role: role.key, title });
    for (const [index, revision] of revisions.entries()) {
      const created = await tx.requestRevision.create({ data: { requestId: demo.id, number: index + 1, input: revision.input, title, authorId: userId(revision.by), createdAt: at(revision.ago) } });
      await storeRevisionArtifacts(tx, { id: created.id, roleKey: role.key, input: revision.input });
      if (index > 0) await audit("request.revised", revision.by, revision.ago, { title, revision: index + 1 });
    }
    let from: RequestStatus = "DRAFT";
    for (const move of demo.moves) {
      // The revision a move happened on: the newest one saved before it.
      const revision = demo.revisions.filter((candidate) => candidate.ago >= move.ago).length;
      await tx.requestTransition.create({
        data: { requestId: demo.id, fromStatus: from, toStatus: move.to, actorId: userId(move.by), comment: move.comment ?? null, revision, createdAt: at(move.ago) },
      });
      if (move.to === "APPROVED" || move.to === "CHANGES_REQUESTED") {
        // Reviewers' answers move a request there (lib/reviews): the answer is stored with its revision.
        const decision = move.to === "APPROVED" ? "APPROVE" : "REQUEST_CHANGES";
        const kinds = move.kinds ?? ["maintainer"];
        await tx.requestApproval.create({
          data: { requestId: demo.id, revision, reviewerId: userId(move.by)!, decision, comment: move.comment ?? null, kinds, createdAt: at(move.ago), updatedAt: at(move.ago) },
        });
        await audit("request.approval_recorded", move.by, move.ago, { title, revision, decision, kinds });
      }
      await audit("request.transitioned", move.by, move.ago, { title, from, to: move.to, revision });
      from = move.to;
    }
    for (const comment of demo.comments ?? []) {
      const row = await tx.requestComment.create({ data: { requestId: demo.id, authorId: userId(comment.by), body: comment.body, createdAt: at(comment.ago) } });
      await audit("request.commented", comment.by, comment.ago, { title, commentId: row.id });
    }
    created++;
  }
  return created;
}

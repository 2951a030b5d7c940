// Git delivery end to end, against real PostgreSQL, a running worker and a real Git server (`git http-backend`
// behind basic auth, lib/testing/git-server.ts): publish and clone the result, compared file by file with the
// artifacts zip; the day-2 update exactly as issue 11 describes it (a person's edit survives, the portal's new
// lines arrive, a same-line edit becomes a listed conflict, a dropped unedited file goes); a pre-receive hook
// that rejects; a network failure retried; a crash between push and record; credentials never shown.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { publisher } from "@/lib/integrations/registry";
import { publicationQueue, pullRequestPollJob, type PublicationSettings } from "@/lib/artifacts/publication-queue";
import type { Publisher } from "@/lib/artifacts/publisher";
import { listPublications, publishRequest } from "@/lib/artifacts/publications.server";
import { createRepository, listRepositories, setAutoPublishRules, testRepositoryConnection, updateRepository } from "@/lib/artifacts/repositories.server";
import { getRevisionArtifacts } from "@/lib/artifacts/artifacts.server";
import { listZip, zipArtifacts, zipBaseName } from "@/lib/artifacts/zip";
import { MANIFEST_PATH } from "@/lib/artifacts/publication-content";
import { createRequest, getRequest, updateRequestInputs } from "@/lib/requests/requests.server";
import { recordApproval } from "@/lib/reviews/approvals.server";
import { getRole } from "@/lib/agents/registry";
import { makeTeam } from "@/lib/testing/factories";
import { gitCli, startGitServer, type GitServer } from "@/lib/testing/git-server";
import { createWorker, type WorkQueue, type Worker } from "@/lib/worker/worker";

const databaseUrl = inject("databaseUrl");
const settings: PublicationSettings = { concurrency: 2, timeoutMs: 5_000, allowPrivate: true, retryBaseMs: 200, retryForMs: 3_600_000 };

let server: GitServer;
const workers: Worker[] = [];

async function startWorker() {
  const worker = createWorker({ db: getDb(), databaseUrl, pollMs: 50, queues: [publicationQueue(publisher, settings) as WorkQueue<never>], log: () => undefined });
  workers.push(worker);
  await worker.start();
  return worker;
}

async function waitForState(publicationId: string, states: string[], timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await getDb().publication.findUniqueOrThrow({ where: { id: publicationId } });
    if (states.includes(row.state)) return row;
    if (Date.now() > deadline) throw new Error(`publication ${publicationId} is ${row.state} (${row.lastError ?? "no error"}), not ${states.join("/")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let repoCounter = 0;
async function setUp(options: { password?: string; url?: string } = {}) {
  const name = `infra-${++repoCounter}`;
  await server.createRepository(name, { files: { "README.md": "# Infrastructure\n", "infra/other/keep.txt": "not the portal's\n" } });
  const team = await makeTeam({ members: ["MAINTAINER", "MEMBER", "VIEWER"] });
  const repository = await createRepository(team.owner.actor, team.slug, {
    name,
    cloneUrl: options.url ?? server.url(name),
    defaultBranch: "main",
    pathTemplate: "infra/{role}/{request-slug}",
    auth: { kind: "BASIC", username: server.username, password: options.password ?? server.password },
  });
  return { team, repository, name };
}

const example = structuredClone(getRole("network-engineer").example) as Record<string, unknown>;

async function approvedRequest(t: Awaited<ReturnType<typeof setUp>>, title = "Payments core network") {
  const request = await createRequest(t.team.members.MEMBER!.actor, { team: t.team.slug, role: "network-engineer", title, input: example, submit: true });
  await recordApproval(t.team.members.MAINTAINER!.actor, request.id, { revision: 1, decision: "APPROVE" });
  return request;
}

beforeAll(async () => {
  server = await startGitServer();
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

afterAll(async () => {
  await server.close();
});

describe("publishing to a real Git server", () => {
  it("pushes the revision's artifacts and .portal/request.json on portal/<slug>; the clone matches the zip file by file", async () => {
    const t = await setUp();
    const request = await approvedRequest(t);
    await startWorker();
    const queued = await publishRequest(t.team.members.MEMBER!.actor, request.id, { repositoryId: t.repository.id });
    expect(queued).toMatchObject({ revision: 1, trigger: "manual" });
    // Queued; the running worker, woken by the commit's NOTIFY, may have claimed it before it was read back.
    expect(["QUEUED", "PUSHING", "OPEN"]).toContain(queued.state);
    expect(queued.branch).toMatch(/^portal\/payments-core-network-[a-z0-9]{1,6}$/);
    const done = await waitForState(queued.id, ["OPEN", "FAILED"]);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe("OPEN");

    expect(await server.revParse(t.name, `refs/heads/${queued.branch}`)).toBe(done.commitSha);
    expect(await server.revParse(t.name, "refs/heads/main")).not.toBe(done.commitSha);
    const work = await server.clone(t.name, queued.branch);
    const tree = server.readTree(work);

    const artifacts = await getRevisionArtifacts(t.team.members.MEMBER!.actor, request.id, 1);
    const folder = zipBaseName(artifacts.title, 1);
    const zipped = listZip(zipArtifacts(folder, artifacts.artifacts));
    expect(zipped.length).toBeGreaterThan(3);
    for (const file of zipped) expect(tree[`${queued.directory}/${file.path.slice(folder.length + 1)}`], file.path).toBe(file.content);
    const published = Object.keys(tree).filter((path) => path.startsWith(`${queued.directory}/`));
    expect(published.sort()).toEqual([...zipped.map((file) => `${queued.directory}/${file.path.slice(folder.length + 1)}`), `${queued.directory}/${MANIFEST_PATH}`].sort());
    // What was there stays.
    expect(tree["README.md"]).toBe("# Infrastructure\n");
    expect(tree["infra/other/keep.txt"]).toBe("not the portal's\n");

    const manifest = JSON.parse(tree[`${queued.directory}/${MANIFEST_PATH}`]);
    expect(manifest).toMatchObject({ requestId: request.id, role: "network-engineer", revision: 1, generatorVersion: artifacts.generatorVersion, answers: { networkName: example.networkName } });
    expect(manifest.files).toEqual(artifacts.artifacts.map((file) => ({ path: file.path, sha256: file.sha256 })));
    expect((await gitCli(work, "log", "-1", "--format=%an <%ae>%n%B")).trim()).toContain(`Portal-Publication: ${queued.id}`);

    // The request page's view, the outbox event and the audit trail.
    const view = await listPublications(t.team.members.VIEWER!.actor, request.id);
    expect(view.publications[0]).toMatchObject({ id: queued.id, state: "OPEN", commitSha: done.commitSha, conflicts: [], changes: { added: zipped.length } });
    expect(view).toMatchObject({ canPublish: false, publishBlockedReason: "Viewers cannot publish" });
    const event = await getDb().outboxEvent.findFirstOrThrow({ where: { teamId: t.team.id, type: "request.published" } });
    expect(event.payload).toMatchObject({ request: { id: request.id, revision: 1 }, publication: { id: queued.id, commitSha: done.commitSha, branch: queued.branch, conflicts: [], pullRequestUrl: null } });
    expect(await getDb().auditLog.count({ where: { teamId: t.team.id, action: "request.published", targetId: request.id } })).toBe(1);
  });

  it("day 2: keeps a person's edit, brings the new lines, lists a same-line edit as a conflict, and deletes a dropped unedited file", async () => {
    const t = await setUp();
    const request = await approvedRequest(t, "Day two network");
    await startWorker();
    const first = await publishRequest(t.team.members.MEMBER!.actor, request.id, { repositoryId: t.repository.id });
    const r1 = await waitForState(first.id, ["OPEN", "FAILED"]);
    expect(r1.state).toBe("OPEN");

    // The pull request is merged (as the provider's merge button does), then a person edits a generated file on main.
    const work = await server.clone(t.name, "main");
    await gitCli(work, "merge", "--no-ff", "-q", "-m", "Merge portal branch", `origin/${first.branch}`);
    await gitCli(work, "push", "-q", "origin", "HEAD:refs/heads/main");
    const dir = first.directory;
    const file = `${dir}/terraform/environments/production.tfvars`;
    const r2Input = { ...example, region: "eu-central-1", egressAllowlist: ["api.stripe.com", "*.amazonaws.com", "*.github.com"], environments: [(example.environments as unknown[])[0]] };

    // Which lines revision 2 changes in that file, to edit one it keeps and one it changes.
    const before = server.readTree(work)[file].split("\n");
    const { generateFor } = await import("@/lib/agents/generators");
    const after = generateFor("network-engineer", r2Input as never).artifacts.find((artifact) => artifact.path === "terraform/environments/production.tfvars")!.content.split("\n");
    expect(after.length).toBe(before.length);
    const changed = before.map((line, index) => (line !== after[index] ? index : -1)).filter((index) => index >= 0);
    const clash = changed.find((index) => before[index].includes("github") || after[index].includes("github"))!;
    const quiet = before.findIndex((line, index) => line.trim().length > 0 && changed.every((other) => Math.abs(other - index) > 2));
    expect(clash).toBeGreaterThanOrEqual(0);
    expect(quiet).toBeGreaterThanOrEqual(0);
    const edited = [...before];
    edited[quiet] = `${before[quiet]} # reviewed by the network team`;
    edited[clash] = `${before[clash]} # pinned by hand`;
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${work}/${file}`, edited.join("\n"));
    const humanCommit = await server.commitAndPush(work, "Hand edits to production", "main");

    // Revision 2 of the approved request goes back to review, is approved, and publishes itself.
    await setAutoPublishRules(t.team.owner.actor, t.team.slug, { rules: [{ role: "network-engineer", repositoryId: t.repository.id }] });
    const revised = await updateRequestInputs(t.team.members.MEMBER!.actor, request.id, { input: r2Input, baseRevision: 1 });
    expect(revised).toMatchObject({ currentRevision: 2, status: "SUBMITTED" });
    await recordApproval(t.team.members.MAINTAINER!.actor, request.id, { revision: 2, decision: "APPROVE" });
    expect((await getRequest(t.team.members.MEMBER!.actor, request.id)).status).toBe("APPROVED");
    const auto = await getDb().publication.findFirstOrThrow({ where: { requestId: request.id, revision: 2 } });
    expect(auto).toMatchObject({ trigger: "approval", branch: first.branch, directory: first.directory });
    const r2 = await waitForState(auto.id, ["OPEN", "FAILED"]);
    expect(r2.lastError).toBeNull();

    // Never a force push: the new commit descends from both the old portal commit and the person's commit.
    const branchTip = (await server.revParse(t.name, `refs/heads/${first.branch}`))!;
    expect(branchTip).toBe(r2.commitSha);
    await server.git(t.name, "merge-base", "--is-ancestor", r1.commitSha!, branchTip);
    await server.git(t.name, "merge-base", "--is-ancestor", humanCommit, branchTip);
    // Conflict markers only on the portal branch: main is as the person left it.
    expect(await server.revParse(t.name, "refs/heads/main")).toBe(humanCommit);

    const result = server.readTree(await server.clone(t.name, first.branch));
    const merged = result[file];
    expect(merged).toContain(`${before[quiet]} # reviewed by the network team`);
    expect(merged).toContain(after[changed.find((index) => index !== clash && !before[index].includes("github"))!]);
    expect(merged).toContain(`<<<<<<< portal (${first.branch})\n${after[clash]}\n=======\n${before[clash]} # pinned by hand\n>>>>>>> repository`);
    // Another file revision 2 changed, untouched by people: simply updated.
    const planAfter = generateFor("network-engineer", r2Input as never).artifacts.find((artifact) => artifact.path === "network/cidr-plan.md")!.content;
    expect(result[`${dir}/network/cidr-plan.md`]).toBe(planAfter);
    // Dropped by revision 2 and never edited: deleted.
    expect(result[`${dir}/terraform/environments/staging.tfvars`]).toBeUndefined();
    expect(JSON.parse(result[`${dir}/${MANIFEST_PATH}`])).toMatchObject({ revision: 2 });

    const view = (await listPublications(t.team.members.MEMBER!.actor, request.id)).publications[0];
    expect(view).toMatchObject({ id: auto.id, revision: 2, trigger: "approval", mergedWith: "default-branch", conflicts: [{ path: "terraform/environments/production.tfvars", kind: "content" }] });
    expect(view.changes).toMatchObject({ deleted: 1 });
    const event = await getDb().outboxEvent.findFirstOrThrow({ where: { teamId: t.team.id, type: "request.published", payload: { path: ["publication", "id"], equals: auto.id } } });
    expect(event.payload).toMatchObject({ publication: { conflicts: ["terraform/environments/production.tfvars"], trigger: "approval" } });
  });

  it("a pre-receive hook that rejects the push: failed with the server's message, not retried, nothing recorded as published", async () => {
    const t = await setUp();
    server.setHook(t.name, "pre-receive", "#!/bin/sh\necho 'Branches under portal/ need a change ticket (POLICY-7)' >&2\nexit 1\n");
    const request = await approvedRequest(t);
    await startWorker();
    const queued = await publishRequest(t.team.members.MEMBER!.actor, request.id, { repositoryId: t.repository.id });
    const failed = await waitForState(queued.id, ["FAILED", "OPEN"]);
    expect(failed.state).toBe("FAILED");
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain("POLICY-7");
    expect(failed.lastError).toMatch(/rejected/);
    expect(failed.commitSha).toBeNull();
    expect(await server.revParse(t.name, `refs/heads/${queued.branch}`)).toBeNull();
    expect(await getDb().outboxEvent.count({ where: { teamId: t.team.id, type: "request.published" } })).toBe(0);
    expect(await getDb().auditLog.count({ where: { teamId: t.team.id, action: "request.publication_failed" } })).toBe(1);

    // Once the policy allows it, publishing again works.
    server.setHook(t.name, "pre-receive", null);
    const again = await publishRequest(t.team.members.MEMBER!.actor, request.id, { repositoryId: t.repository.id });
    expect((await waitForState(again.id, ["OPEN", "FAILED"])).state).toBe("OPEN");
  });

  it("an unreachable server is retried with backoff and publishes once it answers", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const t = await setUp({ url: `http://127.0.0.1:${closedPort}/nowhere.git` });
    const request = await approvedRequest(t);
    await startWorker();
    const queued = await publishRequest(t.team.members.MEMBER!.actor, request.id, { repositoryId: t.repository.id });
    const deadline = Date.now() + 15_000;
    let row = await getDb().publication.findUniqueOrThrow({ where: { id: queued.id } });
    while (row.attempts < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      row = await getDb().publication.findUniqueOrThrow({ where: { id: queued.id } });
    }
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(["QUEUED", "PUSHING"]).toContain(row.state);
    expect(row.lastError).toContain("Could not reach 127.0.0.1");
    // Publishing the same request again meanwhile is refused.
    await expect(publishRequest(t.team.members.MEMBER!.actor, request.id, { repositoryId: t.repository.id })).rejects.toMatchObject({ code: "conflict" });

    const repository = (await listRepositories(t.team.owner.actor, t.team.slug)).repositories[0];
    await updateRepository(t.team.owner.actor, repository.id, { version: repository.version, cloneUrl: server.url(t.name) });
    const done = await waitForState(queued.id, ["OPEN", "FAILED"]);
    expect(done).toMatchObject({ state: "OPEN", lastError: null });
  });

  it("a worker that died after pushing: the retry finds its own commit and pushes nothing twice", async () => {
    const t = await setUp();
    const request = await approvedRequest(t);
    await startWorker();
    const queued = await publishRequest(t.team.members.MEMBER!.actor, request.id, { repositoryId: t.repository.id });
    const first = await waitForState(queued.id, ["OPEN", "FAILED"]);
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    const commits = (await server.git(t.name, "rev-list", "--count", `refs/heads/${queued.branch}`)).trim();
    // As if the worker was killed between the push and recording it: the lease ran out with the row still pushing.
    await getDb().publication.update({ where: { id: queued.id }, data: { state: "PUSHING", commitSha: null, lockedBy: "dead-worker", lockedUntil: new Date(Date.now() - 60_000) } });
    await startWorker();
    const again = await waitForState(queued.id, ["OPEN", "FAILED"]);
    expect(again.commitSha).toBe(first.commitSha);
    expect(again.attempts).toBe(2);
    expect((await server.git(t.name, "rev-list", "--count", `refs/heads/${queued.branch}`)).trim()).toBe(commits);
    expect(await getDb().outboxEvent.count({ where: { teamId: t.team.id, type: "request.published" } })).toBe(2);
  });

  it("refused credentials fail without retrying, and the password appears in no error, API answer, audit row or event", async () => {
    const secret = "Sup3r-Secret-Passw0rd-7731";
    const t = await setUp({ password: secret });
    const request = await approvedRequest(t);
    await startWorker();
    const queued = await publishRequest(t.team.members.MEMBER!.actor, request.id, { repositoryId: t.repository.id });
    const failed = await waitForState(queued.id, ["FAILED", "OPEN"]);
    expect(failed).toMatchObject({ state: "FAILED", attempts: 1 });
    expect(failed.lastError).toMatch(/Authentication failed/);

    const report = await testRepositoryConnection(t.team.owner.actor, t.repository.id, publisher);
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ name: "Read", ok: false });

    const everything = JSON.stringify([
      failed,
      report,
      await listPublications(t.team.owner.actor, request.id),
      await listRepositories(t.team.owner.actor, t.team.slug),
      await getDb().auditLog.findMany({ where: { teamId: t.team.id } }),
      (await getDb().outboxEvent.findMany({ where: { teamId: t.team.id } })).map((event) => ({ ...event, sequence: String(event.sequence) })),
    ]);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(Buffer.from(`${server.username}:${secret}`).toString("base64"));
    const stored = await getDb().gitRepository.findUniqueOrThrow({ where: { id: t.repository.id } });
    expect(stored.secretEncrypted).not.toContain(secret);
  });

  it("test connection passes with read and push rights and writes nothing", async () => {
    const t = await setUp();
    const before = await server.git(t.name, "for-each-ref");
    const report = await testRepositoryConnection(t.team.owner.actor, t.repository.id, publisher);
    expect(report).toMatchObject({ ok: true, checks: [{ name: "Read", ok: true }, { name: "Default branch", ok: true }, { name: "Push", ok: true }] });
    expect(await server.git(t.name, "for-each-ref")).toBe(before);
    expect((await listRepositories(t.team.owner.actor, t.team.slug)).repositories[0]).toMatchObject({ lastCheckOk: true });
  });

  it("polls the provider for open pull requests of repositories without a webhook secret: each asked once per interval, merged recorded", async () => {
    const t = await setUp();
    await getDb().gitRepository.update({ where: { id: t.repository.id }, data: { provider: "GITHUB", apiUrl: "http://127.0.0.1:9/api/v3" } });
    const request = await approvedRequest(t);
    const publication = await getDb().publication.create({
      data: { teamId: t.team.id, requestId: request.id, repositoryId: t.repository.id, revision: 1, trigger: "manual", state: "OPEN", branch: "portal/polled", directory: "infra/polled", commitSha: "b".repeat(40), pullRequestNumber: 77, pullRequestUrl: "https://example.test/pull/77", publishedAt: new Date() },
    });
    const asked: number[] = [];
    const provider: Publisher = {
      publish: () => Promise.reject(new Error("not in this test")),
      testConnection: () => Promise.reject(new Error("not in this test")),
      pullRequestState: async (_target, number) => {
        asked.push(number);
        return "merged";
      },
    };
    const job = pullRequestPollJob(provider, { intervalMs: 60_000, timeoutMs: 1_000, allowPrivate: true });
    // Two workers' jobs at once (as when their lock sessions overlap): the claim lets one of them ask.
    await Promise.all([job.run(getDb(), new Date()), job.run(getDb(), new Date())]);
    expect(asked).toEqual([77]);
    expect(await getDb().publication.findUniqueOrThrow({ where: { id: publication.id } })).toMatchObject({ state: "MERGED", finishedAt: expect.any(Date) });
    expect(await getDb().auditLog.count({ where: { teamId: t.team.id, action: "request.publication_merged" } })).toBe(1);
  });
});

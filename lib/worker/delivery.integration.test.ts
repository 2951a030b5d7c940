// The outbox end to end, against real PostgreSQL and a real HTTP receiver that verifies every request with
// the `standardwebhooks` package: commit → fan-out → signed delivery, in order per subject; retries with
// growing gaps while the receiver is down; two workers never deliver one attempt twice; a worker killed
// with SIGKILL mid-delivery loses nothing; a rolled-back change sends nothing. All the tests that run a
// worker live in this file, one at a time, so no other worker takes their deliveries.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { declareIncident } from "@/lib/incidents/incidents.server";
import { notificationChannels } from "@/lib/integrations/registry";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { createEndpoint, listDeliveries, redeliver, rotateEndpointSecret, updateEndpoint } from "@/lib/notifications/endpoints.server";
import { PAUSE_AFTER_CONSECUTIVE_FAILURES } from "@/lib/notifications/schema";
import { recordEvent } from "@/lib/outbox/outbox.server";
import { makeTeam } from "@/lib/testing/factories";
import { createWorker, type WorkQueue, type Worker } from "@/lib/worker/worker";
import { deliveryQueue, type DeliverySettings } from "@/lib/notifications/delivery-queue";

const databaseUrl = inject("databaseUrl");
const root = path.resolve(import.meta.dirname, "../..");

const settings: DeliverySettings = {
  concurrency: 8,
  timeoutMs: 1_000,
  allowPrivate: true,
  retryBaseMs: 100,
  retryForMs: 86_400_000,
  portalUrl: "http://portal.test",
};

let receiver: WebhookReceiver;
const workers: Worker[] = [];
const children: ChildProcess[] = [];

async function startWorker(overrides: Partial<DeliverySettings> = {}, workerId?: string) {
  const queue = deliveryQueue(notificationChannels, { ...settings, ...overrides }) as WorkQueue<never>;
  const worker = createWorker({ db: getDb(), databaseUrl, pollMs: 50, queues: [queue], log: () => undefined, workerId });
  workers.push(worker);
  await worker.start();
  return worker;
}

async function stopWorkers() {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
}

/** A team with a webhook endpoint at the receiver for every event type; the receiver learns its secret. */
async function teamWithEndpoint() {
  const team = await makeTeam({ members: ["MEMBER"] });
  const { endpoint, secret } = await createEndpoint(team.owner.actor, team.slug, {
    kind: "WEBHOOK",
    name: "Receiver",
    url: receiver.url,
    eventTypes: ["incident.declared", "incident.status_changed", "incident.resolved", "incident.role_assigned"],
  });
  receiver.setSecrets([secret!]);
  return { team, endpoint, secret: secret! };
}

/** `count` events about `subjects` incident ids, written in one transaction each, in order. */
async function writeEvents(teamId: string, count: number, subjects: string[]) {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const subject = subjects[index % subjects.length];
    ids.push(
      await getDb().$transaction((tx) =>
        recordEvent(tx, {
          teamId,
          type: "incident.status_changed",
          subject: { type: "incident", id: subject },
          data: {
            team: { slug: "t", name: "T" },
            actor: null,
            incident: {
              id: subject,
              reference: "INC-1",
              title: `Event ${index}`,
              severity: "SEV3",
              status: "INVESTIGATING",
              type: "OPERATIONAL",
              customerImpact: false,
              declaredAt: new Date().toISOString(),
              services: [],
              commander: null,
              url: "http://portal.test/incidents/x",
            },
            from: "TRIAGE",
            to: "INVESTIGATING",
            note: String(index),
          },
        }),
      ),
    );
  }
  return ids;
}

/** A worker process started exactly as `npm run worker` starts one. */
function spawnWorker(timeoutMs = 1_000): ChildProcess {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "worker.ts")], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      WEBHOOK_ALLOW_PRIVATE: "true",
      WEBHOOK_TIMEOUT_MS: String(timeoutMs),
      OUTBOX_RETRY_BASE_MS: "100",
      WORKER_POLL_MS: "50",
      WORKER_CONCURRENCY: "8",
    },
    stdio: "ignore",
  });
  children.push(child);
  return child;
}

const deliveriesOf = (endpointId: string) => getDb().webhookDelivery.findMany({ where: { endpointId }, include: { attemptLog: { orderBy: { attempt: "asc" } } } });

beforeAll(async () => {
  // Endpoints other test files left behind (with deliveries to nowhere) are not this file's to deliver.
  await getDb().webhookEndpoint.updateMany({ data: { enabled: false } });
  receiver = await startWebhookReceiver({ secret: [] });
});

afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await stopWorkers();
  await receiver.setMode("ok");
  receiver.reset();
  // Nothing of one test may be left for the next one's worker.
  await getDb().webhookEndpoint.updateMany({ data: { enabled: false } });
});

afterAll(async () => {
  await receiver.close();
});

describe("outbox delivery", () => {
  it("delivers a committed domain change, signed per Standard Webhooks, with the event id as webhook-id", async () => {
    const { team, secret, endpoint } = await teamWithEndpoint();
    await startWorker();
    const incident = await declareIncident(team.owner.actor, { team: team.slug, title: "Checkout is down", severity: "SEV2", summary: "5xx everywhere" });
    await receiver.waitFor((events) => events.some((event) => event.type === "incident.declared"), 10_000);
    const received = receiver.received.find((event) => event.type === "incident.declared")!;
    const stored = await getDb().outboxEvent.findFirstOrThrow({ where: { subjectId: incident.id, type: "incident.declared" } });
    expect(received.id).toBe(stored.id);
    expect(received.data).toMatchObject({ team: { slug: team.slug }, incident: { id: incident.id, title: "Checkout is down", severity: "SEV2", url: `http://localhost:3000/incidents/${incident.id}` } });
    // The receiver verified it; so does the library with the secret the portal showed once.
    expect(() => new Webhook(secret).verify(received.rawBody, received.headers)).not.toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(received.rawBody, received.headers)).toThrow();
    // The receiver answers before the worker records the attempt: wait for the record.
    await expect
      .poll(async () => (await listDeliveries(team.owner.actor, endpoint.id)).deliveries, { timeout: 10_000 })
      .toEqual([expect.objectContaining({ eventId: stored.id, eventType: "incident.declared", status: "DELIVERED", attempts: 1, lastStatusCode: 204 })]);
  });

  it("never sends an event whose transaction rolled back", async () => {
    const { team, endpoint } = await teamWithEndpoint();
    await expect(
      getDb().$transaction(async (tx) => {
        await recordEvent(tx, { teamId: team.id, type: "portal.test", subject: { type: "endpoint", id: endpoint.id }, data: { team: { slug: team.slug, name: team.name }, actor: null, message: "rolled back", endpoint: { id: endpoint.id, name: "x" } } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    // A declaration refused by validation inside its transaction leaves no event either.
    await expect(declareIncident(team.owner.actor, { team: team.slug, title: "x", severity: "SEV9" as never })).rejects.toThrow();
    const [sentinel] = await writeEvents(team.id, 1, ["sentinel"]);
    await startWorker();
    await receiver.waitFor((events) => events.some((event) => event.id === sentinel), 10_000);
    expect(receiver.received.map((event) => event.data)).not.toContainEqual(expect.objectContaining({ message: "rolled back" }));
    expect(await getDb().outboxEvent.count({ where: { teamId: team.id } })).toBe(1);
    expect(await getDb().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
  });

  it("keeps each subject's events in order, with several deliveries in flight", async () => {
    const { team } = await teamWithEndpoint();
    const ids = await writeEvents(team.id, 30, ["incident-a", "incident-b", "incident-c"]);
    await startWorker({ concurrency: 16 });
    await receiver.waitFor((events) => ids.every((id) => events.some((event) => event.id === id)), 15_000);
    for (const subject of ["incident-a", "incident-b", "incident-c"]) {
      const order = receiver.received.filter((event) => (event.data as { incident: { id: string } }).incident.id === subject).map((event) => event.id);
      expect(order).toEqual(ids.filter((_, index) => ["incident-a", "incident-b", "incident-c"][index % 3] === subject));
    }
  });

  it("retries with growing gaps while the receiver is down, then drains the queue in order", async () => {
    const { team, endpoint } = await teamWithEndpoint();
    await receiver.setMode("down");
    const ids = await writeEvents(team.id, 3, ["incident-down"]);
    await startWorker();
    // Only the first event of the subject is tried while it fails; the others wait behind it.
    await expect.poll(async () => (await deliveriesOf(endpoint.id)).find((delivery) => delivery.eventId === ids[0])?.attemptLog.length ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    const first = (await deliveriesOf(endpoint.id)).find((delivery) => delivery.eventId === ids[0])!;
    expect(first.attemptLog.every((attempt) => !attempt.ok && attempt.statusCode === null && /ECONNREFUSED/.test(attempt.error ?? ""))).toBe(true);
    const starts = first.attemptLog.map((attempt) => attempt.startedAt.getTime());
    const gaps = starts.slice(1).map((start, index) => start - starts[index]);
    // Base 100 ms, doubling, jittered within [d/2, d): gap n is at least 100·2^(n−1)/2.
    gaps.forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual((100 * 2 ** index) / 2 - 5));
    // Load can only lengthen a gap; the fourth (at least 400 ms) still outgrows the first (at most 100 ms plus a poll).
    expect(gaps[3]).toBeGreaterThan(gaps[0]);
    expect((await deliveriesOf(endpoint.id)).filter((delivery) => delivery.eventId !== ids[0]).every((delivery) => delivery.attempts === 0)).toBe(true);
    expect(receiver.received).toHaveLength(0);

    await receiver.setMode("ok");
    await receiver.waitFor((events) => events.length === 3, 15_000);
    expect(receiver.received.map((event) => event.id)).toEqual(ids);
    // The receiver answers before the worker records the attempt: wait for the last record.
    await expect.poll(async () => (await deliveriesOf(endpoint.id)).map((delivery) => delivery.status), { timeout: 10_000 }).toEqual(["DELIVERED", "DELIVERED", "DELIVERED"]);
    expect((await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).consecutiveFailures).toBe(0);
  });

  it("lets two workers share the queue without ever delivering one attempt twice", async () => {
    const { team, endpoint } = await teamWithEndpoint();
    const subjects = Array.from({ length: 40 }, (_, index) => `incident-${index}`);
    const ids = await writeEvents(team.id, 200, subjects);
    const [one, two] = await Promise.all([startWorker({ concurrency: 8 }, "worker-one"), startWorker({ concurrency: 8 }, "worker-two")]);
    await receiver.waitFor((events) => new Set(events.map((event) => event.id)).size === ids.length, 30_000);
    expect(receiver.received).toHaveLength(ids.length);
    expect(new Set(receiver.received.map((event) => event.id))).toEqual(new Set(ids));
    // The receiver answers before the worker records the attempt: wait for the last records.
    await expect.poll(() => getDb().webhookDelivery.count({ where: { endpointId: endpoint.id, status: "DELIVERED" } }), { timeout: 10_000 }).toBe(ids.length);
    expect(one.stats().delivered + two.stats().delivered).toBe(ids.length);
    expect(one.stats().delivered).toBeGreaterThan(0);
    expect(two.stats().delivered).toBeGreaterThan(0);
    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.every((delivery) => delivery.attempts === 1 && delivery.attemptLog.length === 1)).toBe(true);
  });

  it("loses nothing and changes no id when a worker is killed with SIGKILL mid-delivery", async () => {
    const { team, endpoint } = await teamWithEndpoint();
    await receiver.setMode("slow");
    const ids = await writeEvents(team.id, 40, Array.from({ length: 20 }, (_, index) => `incident-kill-${index}`));
    const child = spawnWorker();
    // Kill it while requests are in flight: some received, most not.
    await receiver.waitFor((events) => events.length >= 4, 20_000);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const inFlight = await getDb().webhookDelivery.count({ where: { endpointId: endpoint.id, status: "DELIVERING" } });
    expect(inFlight).toBeGreaterThan(0);
    expect(receiver.received.length).toBeLessThan(ids.length);

    await receiver.setMode("ok");
    await startWorker();
    // The dead worker's claims come back when their lease (timeout + 5 s) runs out.
    await receiver.waitFor((events) => ids.every((id) => events.some((event) => event.id === id)), 30_000);
    const receivedIds = new Set(receiver.received.map((event) => event.id));
    expect(receivedIds).toEqual(new Set(ids));
    await expect.poll(async () => (await deliveriesOf(endpoint.id)).filter((delivery) => delivery.status !== "DELIVERED").length, { timeout: 10_000 }).toBe(0);
  }, 60_000);

  it("stops gracefully on SIGTERM: the deliveries in flight finish, the rest is handed back, nothing is sent twice", async () => {
    const { team, endpoint } = await teamWithEndpoint();
    await writeEvents(team.id, 24, Array.from({ length: 24 }, (_, index) => `incident-term-${index}`));
    await receiver.setMode("slow");
    // A generous attempt timeout: the slow receiver's answers must arrive within it on a busy machine too.
    const child = spawnWorker(10_000);
    await receiver.waitFor((events) => events.length >= 2, 20_000);
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
    expect(code).toBe(0);
    // Nothing is left claimed by the stopped worker, and every request it sent was answered and recorded.
    const after = await deliveriesOf(endpoint.id);
    expect(after.filter((delivery) => delivery.status === "DELIVERING")).toEqual([]);
    const delivered = after.filter((delivery) => delivery.status === "DELIVERED");
    expect(delivered.length).toBe(receiver.received.length);
    expect(after.filter((delivery) => delivery.status === "PENDING").every((delivery) => delivery.attempts === 0 && delivery.lockedBy === null)).toBe(true);

    await receiver.setMode("ok");
    await startWorker();
    await receiver.waitFor((events) => events.length >= 24, 20_000);
    await expect.poll(async () => (await deliveriesOf(endpoint.id)).filter((delivery) => delivery.status === "DELIVERED").length, { timeout: 10_000 }).toBe(24);
    expect(new Set(receiver.received.map((event) => event.id)).size).toBe(receiver.received.length);
  }, 60_000);

  it("pauses an endpoint after 20 failures in a row, and resuming sends what waited", async () => {
    const { team, endpoint } = await teamWithEndpoint();
    await receiver.setMode("fail500");
    const ids = await writeEvents(team.id, 25, Array.from({ length: 25 }, (_, index) => `incident-pause-${index}`));
    await startWorker({ concurrency: 4 });
    await expect.poll(async () => (await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).pausedAt, { timeout: 15_000 }).not.toBeNull();
    const paused = await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(paused.consecutiveFailures).toBeGreaterThanOrEqual(PAUSE_AFTER_CONSECUTIVE_FAILURES);
    expect(await getDb().auditLog.count({ where: { targetId: endpoint.id, action: "webhook.paused" } })).toBe(1);
    const attemptsWhenPaused = await getDb().webhookAttempt.count({ where: { delivery: { endpointId: endpoint.id } } });
    await new Promise((resolve) => setTimeout(resolve, 600));
    // Paused: nothing more is tried (an attempt or so may have been in flight when it paused).
    expect(await getDb().webhookAttempt.count({ where: { delivery: { endpointId: endpoint.id } } })).toBeLessThanOrEqual(attemptsWhenPaused + 4);
    const lastError = (await listDeliveries(team.owner.actor, endpoint.id)).deliveries.find((delivery) => delivery.lastStatusCode === 500);
    expect(lastError).toMatchObject({ status: "PENDING", lastError: expect.stringContaining("500") });

    await receiver.setMode("ok");
    await updateEndpoint(team.owner.actor, endpoint.id, { version: paused.version, paused: false });
    await receiver.waitFor((events) => ids.every((id) => events.some((event) => event.id === id)), 20_000);
    expect((await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).consecutiveFailures).toBe(0);
  }, 40_000);

  it("signs with both secrets for a day after a rotation, and redelivers with the same id", async () => {
    const { team, endpoint, secret } = await teamWithEndpoint();
    const { secret: rotated } = await rotateEndpointSecret(team.owner.actor, endpoint.id);
    receiver.setSecrets([rotated]);
    const [id] = await writeEvents(team.id, 1, ["incident-rotate"]);
    await startWorker();
    await receiver.waitFor((events) => events.some((event) => event.id === id), 10_000);
    const received = receiver.received[0];
    expect(received.headers["webhook-signature"].split(" ")).toHaveLength(2);
    for (const key of [secret, rotated]) expect(() => new Webhook(key).verify(received.rawBody, received.headers)).not.toThrow();

    const [delivery] = (await listDeliveries(team.owner.actor, endpoint.id)).deliveries;
    await redeliver(team.owner.actor, endpoint.id, delivery.id);
    await receiver.waitFor((events) => events.length === 2, 10_000);
    expect(receiver.received.map((event) => event.id)).toEqual([id, id]);
    expect((await deliveriesOf(endpoint.id))[0].attempts).toBe(2);
  });

  it("keeps delivering to other endpoints while one hangs or answers 500", async () => {
    const stuck = await startWebhookReceiver({ secret: [] });
    try {
      await stuck.setMode("hang");
      const { team } = await teamWithEndpoint();
      const other = await makeTeam();
      const { secret: stuckSecret } = await createEndpoint(other.owner.actor, other.slug, { kind: "WEBHOOK", name: "Stuck", url: stuck.url, eventTypes: ["incident.status_changed"] });
      stuck.setSecrets([stuckSecret!]);
      await writeEvents(other.id, 8, ["stuck-a", "stuck-b", "stuck-c", "stuck-d"]);
      const healthy = await writeEvents(team.id, 5, ["healthy"]);
      const started = Date.now();
      await startWorker({ concurrency: 4, timeoutMs: 2_000 });
      await receiver.waitFor((events) => healthy.every((id) => events.some((event) => event.id === id)), 10_000);
      // All four slots could be held by the hanging receiver for 2 s; the healthy endpoint still got through.
      expect(Date.now() - started).toBeLessThan(8_000);
      await expect.poll(() => getDb().webhookAttempt.count({ where: { delivery: { teamId: other.id } } }), { timeout: 10_000 }).toBeGreaterThan(0);
      const stuckAttempts = await getDb().webhookAttempt.findMany({ where: { delivery: { teamId: other.id } } });
      expect(stuckAttempts.length).toBeGreaterThan(0);
      for (const attempt of stuckAttempts) expect(attempt).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/Timed out after 2000 ms/) });
    } finally {
      await stuck.close();
    }
  }, 30_000);
});

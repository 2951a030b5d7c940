// The closed loop, with the real tools: an exporter served here (prom-client) whose error ratio the test
// sets, Debian's Prometheus scraping it every second and evaluating the portal's exported rules for the
// SLO, Debian's Alertmanager posting to the portal's Alertmanager webhook route (its real route handler,
// behind a small HTTP server), and the portal's own pull of the SLI from the same Prometheus.
//
// Time compression, explicitly: every range in the exported rules ([5m], [1h], [30d] …) is divided by 60
// (so [1h] becomes [60s]); the burn-rate factors (14.4, 6, 3, 1) and the expressions stay exactly as
// exported. Production factors and windows are unit-tested in lib/slo/exports.test.ts and math.test.ts.
import http from "node:http";
import { once } from "node:events";
import { NextRequest } from "next/server";
import { Counter, Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as alertmanagerRoute } from "@/app/api/v1/incidents/alertmanager/route";
import { getDb } from "@/lib/db/client";
import { getIncident, listTimeline, transitionIncident } from "@/lib/incidents/incidents.server";
import { generatePostmortem } from "@/lib/incidents/postmortems.server";
import { getIncidentSloImpact } from "@/lib/incidents/slo-impact.server";
import { sliSource } from "@/lib/integrations/registry";
import { createDataSource } from "@/lib/slo/data-sources.server";
import { exportSlosFor } from "@/lib/slo/exports.server";
import { getSloReport } from "@/lib/slo/reports.server";
import { createSlo } from "@/lib/slo/slos.server";
import { pullSourceSlis } from "@/lib/slo/source-sync.server";
import { makeTeam } from "@/lib/testing/factories";
import { startAlertmanager, startPrometheus, type RunningTool } from "@/lib/testing/prometheus";
import { createToken } from "@/lib/tokens/tokens.server";

const COMPRESSION = 60;

/** Divides every PromQL range `[…]` of a rules file by COMPRESSION, leaving names and factors alone. */
function compressRanges(rules: string): string {
  const seconds = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;
  return rules.replace(/\[(\d+)([smhd])\]/g, (_, amount: string, unit: keyof typeof seconds) => `[${Math.max(1, Math.round((Number(amount) * seconds[unit]) / COMPRESSION))}s]`);
}

const servers: { close(): void }[] = [];
const tools: RunningTool[] = [];
let errorRatio = 0;

afterAll(async () => {
  for (const tool of tools.reverse()) await tool.stop();
  for (const server of servers) server.close();
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push({ close: () => (server.closeAllConnections(), server.close()) });
  return `127.0.0.1:${(server.address() as { port: number }).port}`;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe("the closed loop: exported rules → Prometheus → Alertmanager → incident → postmortem", () => {
  let exporter: string;
  beforeAll(async () => {
    // The service: 200 requests a second, errorRatio of them answered 500.
    const registry = new Registry();
    const requests = new Counter({ name: "shop_http_requests_total", help: "Requests", labelNames: ["code"], registers: [registry] });
    requests.inc({ code: "200" }, 0);
    requests.inc({ code: "500" }, 0);
    let carry = 0;
    const traffic = setInterval(() => {
      carry += 20 * errorRatio;
      const errors = Math.floor(carry);
      carry -= errors;
      requests.inc({ code: "500" }, errors);
      requests.inc({ code: "200" }, 20 - errors);
    }, 100);
    servers.push({ close: () => clearInterval(traffic) });
    exporter = await serve(async (_, response) => {
      response.setHeader("content-type", registry.contentType);
      response.end(await registry.metrics());
    });
  });

  it("pages, opens an incident on the service with its SLO, records the resolve, and the postmortem shows the budget burned", { timeout: 180_000 }, async () => {
    const started = Date.now();
    const team = await makeTeam();
    const actor = team.owner.actor;
    const service = await getDb().service.create({ data: { teamId: team.id, slug: "shop", name: "Shop" } });
    const { secret } = await createToken(actor, team.slug, { name: "alertmanager" });

    // The portal's Alertmanager webhook: the real route handler behind a plain HTTP server.
    const portal = await serve(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const answer = await alertmanagerRoute(
        new NextRequest(`http://localhost${request.url}`, { method: "POST", headers: request.headers as Record<string, string>, body: Buffer.concat(chunks).toString() }),
        { params: Promise.resolve({}) },
      );
      response.statusCode = answer.status;
      response.end(await answer.text());
    });

    const alertmanager = await startAlertmanager(
      [
        "route:",
        "  receiver: portal",
        "  group_by: [alertname, slo_id]",
        "  group_wait: 1s",
        "  group_interval: 1s",
        "  repeat_interval: 1h",
        "receivers:",
        "  - name: portal",
        "    webhook_configs:",
        `      - url: http://${portal}/api/v1/incidents/alertmanager`,
        "        send_resolved: true",
        "        http_config:",
        "          authorization:",
        `            credentials: ${secret}`,
        "",
      ].join("\n"),
    );
    tools.push(alertmanager);

    // Prometheus first without rules: the SLO's creation checks its selectors with it.
    const config = (rules: boolean) =>
      [
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        ...(rules ? ["rule_files: [slo.rules.yaml]"] : []),
        "alerting:",
        "  alertmanagers:",
        "    - static_configs:",
        `        - targets: ['${new URL(alertmanager.url).host}']`,
        "scrape_configs:",
        "  - job_name: shop",
        "    static_configs:",
        `      - targets: ['${exporter}']`,
        "",
      ].join("\n");
    const source = await startPrometheus({ config: config(false) });
    tools.push(source);
    const dataSource = await createDataSource(actor, team.slug, { name: "Prometheus", url: source.url });
    const slo = await createSlo(
      actor,
      { serviceId: service.id, name: "Shop availability", slug: "availability", sliKind: "RATIO", goodQuery: 'shop_http_requests_total{code="200"}', totalQuery: "shop_http_requests_total", objective: 99, windowDays: 30, dataSourceId: dataSource.id },
      { sliSource },
    );
    const rules = compressRanges((await exportSlosFor(actor, { sloId: slo.id }, "prometheus")).text);
    expect(rules).toContain("[60s]");
    expect(rules).toContain("14.4 * 0.01");
    await source.stop();
    tools.pop();
    const prometheus = await startPrometheus({ config: config(true), files: { "slo.rules.yaml": rules } });
    tools.push(prometheus);
    await getDb().dataSource.update({ where: { id: dataSource.id }, data: { url: prometheus.url } });

    const groups = await (await fetch(`${prometheus.url}/api/v1/rules`)).json();
    expect(groups.data.groups.map((group: { name: string }) => group.name)).toContain(`slo-${team.slug}-shop-availability-alerts`);

    // Healthy traffic for a few seconds, then half the requests fail: a burn rate of 50 against 14.4.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    errorRatio = 0.5;
    const opened = await waitFor(
      "the incident",
      async () => (await getDb().incident.findFirst({ where: { teamId: team.id }, select: { id: true } }))?.id,
      90_000,
    );
    const incident = await getIncident(actor, opened);
    expect(incident).toMatchObject({ declaredVia: "alertmanager", title: expect.stringContaining("ShopAvailability") });
    expect(incident.services.map((entry) => entry.slug)).toEqual(["shop"]);
    expect(incident.alerts[0]).toMatchObject({ status: "firing" });
    const impact = await getIncidentSloImpact(actor, opened);
    expect(impact.slos.map((entry) => entry.sloId)).toEqual([slo.id]);

    // Back to healthy: Prometheus resolves the alert, Alertmanager says so, the timeline records it.
    errorRatio = 0;
    await waitFor(
      "the resolve on the timeline",
      async () => (await listTimeline(actor, opened)).some((event) => event.type === "ALERT" && event.body.startsWith("Resolved:")),
      60_000,
    );

    // The portal's own pull of the SLI shows the burn: once the minute the errors stopped in has ended (every
    // scrape of an ended minute is in Prometheus, so no lag is needed), the pull stores the bad minutes.
    const fixedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(fixedAt / 60_000) * 60_000 - fixedAt + 1_500));
    const pulled = await pullSourceSlis(getDb(), sliSource, new Date(), { sloIds: [slo.id], lagMinutes: 0 });
    expect(pulled.failed).toBe(0);
    const report = await getSloReport(actor, slo.id);
    expect(report.report.total).toBeGreaterThan(0);
    expect(report.report.good).toBeLessThan(report.report.total);

    await transitionIncident(actor, opened, { to: "INVESTIGATING" });
    await transitionIncident(actor, opened, { to: "RESOLVED" });
    const postmortem = await generatePostmortem(actor, opened);
    expect(postmortem.markdown).toMatch(/Shop, Shop availability: \d+(\.\d)? % of the error budget/);
    expect(postmortem.markdown).not.toContain("not measured");
    expect(Date.now() - started).toBeLessThan(180_000);
  });
});

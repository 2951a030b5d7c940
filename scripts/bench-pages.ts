// `npm run bench:pages`: how fast each main page's HTML comes back, as a signed-in person gets it.
//
// Runs against a portal already started with the demo data (`DEMO_MODE=true npm start`; BENCH_URL, default
// http://127.0.0.1:3000). Signs in as the demo admin through next-auth's credentials flow, then loads each
// page's server response BENCH_RUNS (50) times in a row after one warm-up, and prints p50 and p95 per page
// with the HTML's size. Target: p95 ≤ 300 ms on two cores.
import { DEMO_PASSWORD } from "@/lib/demo/seed";
import { percentile } from "./bench-stats";

const base = (process.env.BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const runs = Number(process.env.BENCH_RUNS ?? 50);

async function signIn(): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map(csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0].split("=", 2) as [string, string]));
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; ") },
    body: new URLSearchParams({ csrfToken, email: "admin@demo.local", password: DEMO_PASSWORD, json: "true" }),
  });
  for (const cookie of answer.headers.getSetCookie()) {
    const [name, value] = cookie.split(";")[0].split("=", 2) as [string, string];
    jar.set(name, value);
  }
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`Sign-in failed (${answer.status}): is the portal running with DEMO_MODE=true at ${base}?`);
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** The first item's id of an API list (`{ incidents: [{ id }] }`, `{ slos: [{ slo: { id } }] }`): the demo has some. */
async function firstId(cookie: string, path: string, key: string): Promise<string> {
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  const body = response.ok ? ((await response.json()) as Record<string, { id?: string; slo?: { id: string } }[] | undefined>) : {};
  const first = body[key]?.[0];
  const id = first?.id ?? first?.slo?.id;
  if (!id) throw new Error(`${path} (${response.status}) lists no ${key}: is the portal running with DEMO_MODE=true?`);
  return id;
}

async function main() {
  const cookie = await signIn();
  // The demo's richest request (approved, with artifacts, decisions and a meeting), and the newest incident.
  const requestId = "demo-request-network";
  const incidentId = await firstId(cookie, "/api/v1/incidents?team=payments", "incidents");
  const sloId = await firstId(cookie, "/api/v1/teams/payments/slos", "slos");
  const pages = [
    "/",
    "/roles",
    "/roles/sre-engineer",
    "/requests",
    "/requests/new?role=sre-engineer",
    `/requests/${requestId}`,
    `/requests/${requestId}?tab=artifacts`,
    `/requests/${requestId}/print`,
    "/slos",
    `/slos/${sloId}`,
    "/services",
    "/incidents",
    `/incidents/${incidentId}`,
    `/incidents/${incidentId}/postmortem`,
    "/incidents/metrics",
    "/reviews",
    "/reviews/meetings",
    "/reviews/meetings/demo-meeting-payments-ended",
    "/decisions",
    "/dora",
    "/settings",
    "/settings/members",
  ];
  console.log(`[bench] ${base}, ${runs} loads per page after one warm-up`);
  console.log(`${"page".padEnd(48)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"KB".padStart(6)}`);
  for (const page of pages) {
    const load = async () => {
      const started = performance.now();
      const response = await fetch(`${base}${page}`, { headers: { cookie }, redirect: "manual" });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
      return { ms: performance.now() - started, bytes: Buffer.byteLength(html) };
    };
    await load();
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      const result = await load();
      times.push(result.ms);
      bytes = result.bytes;
    }
    console.log(`${page.replace(/[0-9a-z]{20,}|demo-request-network/, ":id").padEnd(48)} ${percentile(times, 50).toFixed(0).padStart(7)} ${percentile(times, 95).toFixed(0).padStart(7)} ${(bytes / 1024).toFixed(0).padStart(6)}`);
  }
}

await main();

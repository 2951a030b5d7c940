// The demo catalog (services and SLOs of the demo teams) and their SLI data: a pure, deterministic function
// of the SLO and the minute, plus scenarios placed relative to "now" so that every start shows one healthy
// SLO, one burning at ticket level, one paging, one exhausted (and one without data).
import type { CreateServiceInput } from "@/lib/services/schema";
import type { SloSpec } from "@/lib/slo/schema";
import type { MinuteSample } from "@/lib/slo/math";

/** What a demo SLO's recent data is shaped to show. */
export type DemoScenario = "healthy" | "ticket" | "page" | "exhausted" | "nodata";

export interface DemoSlo {
  spec: SloSpec & { slug: string };
  scenario: DemoScenario;
  /** Requests per minute at the daily average. */
  traffic: number;
  /** The usual share of bad events, before noise. */
  baseline: number;
}

export interface DemoService {
  team: "platform" | "payments";
  service: CreateServiceInput & { slug: string };
  slos: DemoSlo[];
}

export const demoServices: DemoService[] = [
  {
    team: "payments",
    service: {
      name: "Checkout API",
      slug: "checkout-api",
      tier: 1,
      lifecycle: "PRODUCTION",
      description: "Takes the basket to an order: prices, taxes, payment authorisation and the confirmation email.",
      repoUrl: "https://git.example.com/payments/checkout-api",
      runbookUrl: "https://wiki.example.com/runbooks/checkout-api",
      dashboardUrl: "https://grafana.example.com/d/checkout-api",
    },
    slos: [
      {
        scenario: "page",
        traffic: 2_400,
        baseline: 0.0003,
        spec: {
          name: "Checkout availability",
          slug: "availability",
          description: "Share of checkout requests answered without a server error.",
          sliKind: "RATIO",
          goodQuery: 'http_requests_total{service="checkout-api",code!~"5.."}',
          totalQuery: 'http_requests_total{service="checkout-api"}',
          objective: 99.9,
          windowDays: 30,
          alerting: true,
        },
      },
      {
        scenario: "healthy",
        traffic: 2_400,
        baseline: 0.002,
        spec: {
          name: "Checkout under 800 ms",
          slug: "latency",
          description: "Share of checkout requests that complete within 800 ms.",
          sliKind: "LATENCY",
          latencyMetric: 'http_request_duration_seconds{service="checkout-api"}',
          latencyThresholdMs: 800,
          objective: 99,
          windowDays: 28,
          alerting: true,
        },
      },
    ],
  },
  {
    team: "payments",
    service: {
      name: "Payment gateway",
      slug: "payment-gateway",
      tier: 1,
      lifecycle: "PRODUCTION",
      description: "Talks to the card networks and acquirers: authorisations, captures and refunds.",
      repoUrl: "https://git.example.com/payments/payment-gateway",
      runbookUrl: "https://wiki.example.com/runbooks/payment-gateway",
    },
    slos: [
      {
        scenario: "ticket",
        traffic: 900,
        baseline: 0.003,
        spec: {
          name: "Authorisations under 300 ms",
          slug: "authorisation-latency",
          description: "Share of card authorisations answered within 300 ms.",
          sliKind: "LATENCY",
          latencyMetric: 'gateway_authorisation_duration_seconds{service="payment-gateway"}',
          latencyThresholdMs: 300,
          objective: 99,
          windowDays: 28,
          alerting: true,
        },
      },
    ],
  },
  {
    team: "payments",
    service: {
      name: "Ledger",
      slug: "ledger",
      tier: 1,
      lifecycle: "PRODUCTION",
      description: "The double-entry ledger every payment and refund is booked in.",
      repoUrl: "https://git.example.com/payments/ledger",
      runbookUrl: "https://wiki.example.com/runbooks/ledger",
    },
    slos: [
      {
        scenario: "exhausted",
        traffic: 600,
        baseline: 0.0001,
        spec: {
          name: "Ledger writes succeed",
          slug: "write-availability",
          description: "Share of ledger writes committed without an error.",
          sliKind: "RATIO",
          goodQuery: 'ledger_writes_total{result="ok"}',
          totalQuery: "ledger_writes_total",
          objective: 99.95,
          windowDays: 30,
          alerting: true,
        },
      },
    ],
  },
  {
    team: "platform",
    service: {
      name: "API gateway",
      slug: "api-gateway",
      tier: 1,
      lifecycle: "PRODUCTION",
      description: "The edge: TLS, routing, authentication and rate limits in front of every public API.",
      repoUrl: "https://git.example.com/platform/api-gateway",
      runbookUrl: "https://wiki.example.com/runbooks/api-gateway",
      dashboardUrl: "https://grafana.example.com/d/api-gateway",
    },
    slos: [
      {
        scenario: "healthy",
        traffic: 12_000,
        baseline: 0.0001,
        spec: {
          name: "Gateway availability",
          slug: "availability",
          description: "Share of requests the gateway answers without a 5xx of its own.",
          sliKind: "RATIO",
          goodQuery: 'gateway_requests_total{code!~"5.."}',
          totalQuery: "gateway_requests_total",
          objective: 99.95,
          windowDays: 30,
          alerting: true,
        },
      },
      {
        scenario: "healthy",
        traffic: 12_000,
        baseline: 0.004,
        spec: {
          name: "Gateway under 250 ms",
          slug: "latency",
          description: "Share of requests routed within 250 ms, upstream time excluded.",
          sliKind: "LATENCY",
          latencyMetric: "gateway_request_duration_seconds",
          latencyThresholdMs: 250,
          objective: 99,
          windowDays: 28,
          alerting: true,
        },
      },
    ],
  },
  {
    team: "platform",
    service: {
      name: "CI runners",
      slug: "ci-runners",
      tier: 2,
      lifecycle: "PRODUCTION",
      description: "The shared fleet that runs every team's pipelines.",
      repoUrl: "https://git.example.com/platform/ci-runners",
    },
    slos: [
      {
        scenario: "healthy",
        traffic: 40,
        baseline: 0.01,
        spec: {
          name: "Jobs start within 60 s",
          slug: "job-start",
          description: "Share of CI jobs that get a runner within a minute of being queued.",
          sliKind: "LATENCY",
          latencyMetric: "ci_job_queue_seconds",
          latencyThresholdMs: 60_000,
          objective: 95,
          windowDays: 7,
          alerting: false,
        },
      },
    ],
  },
  {
    team: "platform",
    service: {
      name: "Feature flags",
      slug: "feature-flags",
      tier: 3,
      lifecycle: "EXPERIMENTAL",
      description: "Flag evaluation for the web and mobile apps. Not sending SLI data yet.",
    },
    slos: [
      {
        scenario: "nodata",
        traffic: 0,
        baseline: 0,
        spec: {
          name: "Flag evaluations succeed",
          slug: "evaluation-availability",
          description: "Share of flag evaluations answered from the current ruleset.",
          sliKind: "RATIO",
          goodQuery: 'flag_evaluations_total{result="ok"}',
          totalQuery: "flag_evaluations_total",
          objective: 99.9,
          windowDays: 30,
          alerting: false,
        },
      },
    ],
  },
];

/** How far back from "now" the scenarios reach; the seed rewrites at least this much on every start. */
export const SCENARIO_SPAN_MINUTES = 4 * 1_440;

/** The seed writes this far ahead of "now", so the scenarios stay true for hours while the demo runs. */
export const DEMO_LEAD_MINUTES = 6 * 60;

/** A uniform number in [0, 1) from two integers (a 32-bit integer hash: deterministic on every engine). */
export function hash01(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** A stable number for a string key. */
export function keyOf(text: string): number {
  let h = 2166136261;
  for (let index = 0; index < text.length; index++) h = Math.imul(h ^ text.charCodeAt(index), 16777619);
  return h >>> 0;
}

/** The share of bad events the scenario adds at `age` minutes before now (negative: ahead of now). */
function scenarioErrorRate(scenario: DemoScenario, age: number): number {
  switch (scenario) {
    case "page":
      // An outage that started 42 minutes ago and is still going on: burn ~30× a 99.9 % budget.
      return age < 42 ? (age >= 39 ? 0.012 : 0.03) : 0;
    case "ticket":
      // A degraded dependency for the last three days: burn ~1.2× a 99 % budget (ticket above 0.93 for 28 days).
      return age < 3 * 1_440 + 30 ? 0.0095 : 0;
    case "exhausted":
      return 0; // a fixed number of failures per minute, not a share: see demoSample
    default:
      return 0;
  }
}

/**
 * One minute of a demo SLO: traffic with a daily cycle (busiest mid-afternoon UTC), quieter weekends and
 * noise; bad events at the SLO's baseline with noise, short blips on some days (placed by absolute time, so
 * the history is the same on every start), and the scenario relative to `nowMinute`.
 */
export function demoSample(key: number, slo: Pick<DemoSlo, "scenario" | "traffic" | "baseline">, minute: number, nowMinute: number): MinuteSample {
  const minuteOfDay = ((minute % 1_440) + 1_440) % 1_440;
  const day = Math.floor(minute / 1_440);
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday: 0 = Sunday
  const daily = 1 + 0.55 * Math.sin((2 * Math.PI * (minuteOfDay - 540)) / 1_440);
  const weekly = weekday === 0 || weekday === 6 ? 0.7 : 1;
  const noise = 0.85 + 0.3 * hash01(key, minute);
  const total = Math.max(0, Math.round(slo.traffic * daily * weekly * noise));

  let rate = slo.baseline * (0.4 + 1.2 * hash01(key ^ 0x5bd1e995, minute));
  // Blips: on ~1 day in 8, 10 to 25 minutes at 0.8 % bad (never enough to page a healthy SLO).
  if (slo.scenario !== "exhausted" && hash01(key, day * 7919) < 0.125) {
    const start = Math.floor(hash01(key ^ 0x27d4eb2d, day) * 1_380);
    const length = 10 + Math.floor(hash01(key ^ 0x165667b1, day) * 16);
    if (minuteOfDay >= start && minuteOfDay < start + length) rate += 0.008;
  }
  rate += scenarioErrorRate(slo.scenario, nowMinute - minute);
  // Yesterday's ledger incident: for two and a half hours a failing shard rejected about a fifth of the
  // usual writes per minute. A fixed count rather than a share, so the budget ends up overspent by about
  // the same amount (≈ −60 %) whatever the time of day the incident lands on.
  const age = nowMinute - minute;
  if (slo.scenario === "exhausted" && age >= 1_800 && age < 1_950) rate += Math.min(1, (0.19 * slo.traffic) / Math.max(1, total));
  // Stochastic rounding keeps the expected share of bad events right even at low traffic.
  const bad = Math.min(total, Math.floor(total * rate + hash01(key ^ 0x68e31da4, minute)));
  return { minute, good: total - bad, total };
}

/** The demo minutes of one SLO from `from` to `to` (inclusive). */
export function demoSamples(sloKey: string, slo: Pick<DemoSlo, "scenario" | "traffic" | "baseline">, from: number, to: number, nowMinute: number): MinuteSample[] {
  if (slo.scenario === "nodata" || to < from) return [];
  const key = keyOf(sloKey);
  const samples: MinuteSample[] = new Array(to - from + 1);
  for (let minute = from; minute <= to; minute++) samples[minute - from] = demoSample(key, slo, minute, nowMinute);
  return samples;
}

// Demo incidents for the demo teams: past incidents with full timelines, postmortems and action items
// (some overdue), and one active incident. Idempotent (an incident is skipped when its team already has
// one with the same title) and deterministic for a given day: times are set relative to `now`.
import type { Tx } from "@/lib/db/client";
import type { ActionItemStatus, IncidentEventType, IncidentRole, IncidentSeverity, IncidentStatus, PostmortemStatus, Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/audit.server";
import { generatePostmortemDraft } from "@/lib/incidents/postmortem";
import { incidentReference } from "@/lib/incidents/serialize";

/** The services the demo incidents are about, created when missing (the service catalog may have made them already). */
const demoServices = [
  { team: "payments", slug: "checkout-api", name: "Checkout API", tier: 1, description: "Takes orders and starts payments for the web and mobile shops." },
  { team: "payments", slug: "payment-gateway", name: "Payment gateway", tier: 1, description: "Talks to the card acquirers and PayPal." },
  { team: "payments", slug: "ledger", name: "Ledger", tier: 2, description: "Books every payment and reconciles with the acquirers nightly." },
  { team: "platform", slug: "ingress-gateway", name: "Ingress gateway", tier: 1, description: "Envoy-based edge for every public hostname." },
  { team: "platform", slug: "kubernetes-control-plane", name: "Kubernetes control plane", tier: 1, description: "The production clusters' API servers and etcd." },
  { team: "platform", slug: "ci-runners", name: "CI runners", tier: 2, description: "The autoscaled build and deploy runners." },
] as const;

const ALEX = "admin@demo.local";
const MORGAN = "maintainer@demo.local";
const MIRA = "member@demo.local";

interface DemoEvent {
  /** Minutes after the incident was declared (negative: before). */
  at: number;
  type: IncidentEventType;
  body: string;
  by?: string;
  pinned?: boolean;
  source?: "alertmanager";
  data?: Prisma.InputJsonValue;
}

interface DemoIncident {
  team: "payments" | "platform";
  title: string;
  summary: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  customerImpact: boolean;
  /** Days before today, at a UTC time; or, for the active incident, minutes before now. */
  declared: { daysAgo: number; at: string } | { minutesAgo: number };
  declaredBy: string;
  via: "portal" | "alertmanager";
  /** Key times in minutes after declaring; null when nobody recorded it. */
  times: { impactStarted: number | null; detected: number; acknowledged?: number; mitigated?: number; resolved?: number; closed?: number };
  reopened?: number;
  services: string[];
  roles: { role: IncidentRole; by: string; at: number; until?: number }[];
  alerts?: { fingerprint: string; alertName: string; at: number; resolvedAt?: number; labels: Record<string, string> }[];
  events: DemoEvent[];
  postmortem?: { status: PostmortemStatus; customers?: string; sections: Record<string, string> };
  actionItems?: { title: string; owner: string | null; dueInDays: number | null; status: ActionItemStatus }[];
}

const incidents: DemoIncident[] = [
  {
    team: "payments",
    title: "Checkout API 5xx spike in eu-west-1",
    summary: "About 6 % of checkout requests in eu-west-1 fail with 502 since checkout-api v2.15.0 was deployed there. Card and PayPal both affected.",
    severity: "SEV2",
    status: "IDENTIFIED",
    customerImpact: true,
    declared: { minutesAgo: 38 },
    declaredBy: ALEX,
    via: "alertmanager",
    times: { impactStarted: -6, detected: -2, acknowledged: 3 },
    services: ["checkout-api", "payment-gateway"],
    roles: [
      { role: "COMMANDER", by: MIRA, at: 3, until: 12 },
      { role: "COMMANDER", by: ALEX, at: 12 },
      { role: "COMMUNICATIONS_LEAD", by: MIRA, at: 12 },
      { role: "SCRIBE", by: MORGAN, at: 5 },
    ],
    alerts: [{ fingerprint: "3f9c2a7d1b6e8f04", alertName: "CheckoutErrorRateHigh", at: -2, labels: { alertname: "CheckoutErrorRateHigh", severity: "critical", service: "checkout-api", region: "eu-west-1" } }],
    events: [
      { at: -8, type: "DEPLOY", body: "checkout-api v2.15.0 rolled out to eu-west-1 (connection pool settings changed)", by: MORGAN, data: { link: "https://git.example.com/payments/checkout-api/pull/812" } },
      { at: -2, type: "ALERT", body: "Firing: CheckoutErrorRateHigh: 5xx above 5 % for 5 minutes. checkout-api answers 6.1 % 502 in eu-west-1.", source: "alertmanager" },
      { at: 0, type: "DECLARED", body: "Declared SEV2: Checkout API 5xx spike in eu-west-1", source: "alertmanager" },
      { at: 3, type: "ROLE_CHANGE", body: "Mira Member is now incident commander", by: MIRA },
      { at: 3, type: "STATUS_CHANGE", body: "Triage → Investigating", by: MIRA, data: { from: "TRIAGE", to: "INVESTIGATING" } },
      { at: 5, type: "ROLE_CHANGE", body: "Morgan Maintainer is now scribe", by: MIRA },
      { at: 7, type: "METRIC_SNAPSHOT", body: "5xx 6.1 % (SLO 0.5 %), p99 2.8 s, only eu-west-1; us-east-1 normal", by: MORGAN, data: { link: "https://grafana.example.com/d/checkout" } },
      { at: 9, type: "NOTE", body: "Errors started two minutes after the v2.15.0 rollout; gateway logs show pool exhaustion towards payment-gateway.", by: MORGAN, pinned: true },
      { at: 12, type: "ROLE_CHANGE", body: "Alex Admin took over as incident commander from Mira Member", by: ALEX },
      { at: 12, type: "ROLE_CHANGE", body: "Mira Member is now communications lead", by: ALEX },
      { at: 15, type: "COMMUNICATION", body: "Status page: “Some card payments in Europe fail; we are working on it.”", by: MIRA, data: { link: "https://status.example.com" } },
      { at: 21, type: "STATUS_CHANGE", body: "Investigating → Identified. The new pool limit of 20 is too low for eu-west-1 traffic.", by: ALEX, data: { from: "INVESTIGATING", to: "IDENTIFIED" } },
      { at: 24, type: "ACTION", body: "Rolling back checkout-api to v2.14.3 in eu-west-1", by: MORGAN },
      { at: 31, type: "METRIC_SNAPSHOT", body: "5xx falling: 2.3 % and dropping as pods roll", by: MORGAN },
    ],
  },
  {
    team: "payments",
    title: "Card payments failing in the EU after payment-gateway v3.2.0",
    summary: "For 31 minutes, about 9 % of EU card payments failed: payment-gateway v3.2.0 shipped a connection pool limit too low for peak traffic. Rolling back restored service.",
    severity: "SEV2",
    status: "CLOSED",
    customerImpact: true,
    declared: { daysAgo: 12, at: "09:41" },
    declaredBy: MIRA,
    via: "alertmanager",
    times: { impactStarted: -10, detected: -3, acknowledged: 3, mitigated: 21, resolved: 59, closed: 60 * 24 * 5 },
    services: ["payment-gateway", "checkout-api"],
    roles: [
      { role: "COMMANDER", by: MIRA, at: 3 },
      { role: "COMMUNICATIONS_LEAD", by: ALEX, at: 8 },
      { role: "OPERATIONS_LEAD", by: MORGAN, at: 5 },
    ],
    alerts: [{ fingerprint: "a81f03c4d92e7b15", alertName: "CardAuthFailureRatio", at: -3, resolvedAt: 24, labels: { alertname: "CardAuthFailureRatio", severity: "critical", service: "payment-gateway" } }],
    events: [
      { at: -11, type: "DEPLOY", body: "payment-gateway v3.2.0 rolled out to EU", by: MORGAN },
      { at: -3, type: "ALERT", body: "Firing: CardAuthFailureRatio: card authorisation failures above 5 %", source: "alertmanager" },
      { at: 0, type: "DECLARED", body: "Declared SEV2: Card payments failing in the EU after payment-gateway v3.2.0", source: "alertmanager" },
      { at: 3, type: "ROLE_CHANGE", body: "Mira Member is now incident commander", by: MIRA },
      { at: 3, type: "STATUS_CHANGE", body: "Triage → Investigating", by: MIRA, data: { from: "TRIAGE", to: "INVESTIGATING" } },
      { at: 5, type: "ROLE_CHANGE", body: "Morgan Maintainer is now operations lead", by: MIRA },
      { at: 8, type: "ROLE_CHANGE", body: "Alex Admin is now communications lead", by: MIRA },
      { at: 9, type: "NOTE", body: "Only EU card payments fail; PayPal and US traffic are fine.", by: MIRA, pinned: true },
      { at: 12, type: "COMMUNICATION", body: "Status page: investigating failed card payments in the EU", by: ALEX },
      { at: 14, type: "STATUS_CHANGE", body: "Investigating → Identified. Connection pool exhausted since v3.2.0", by: MIRA, data: { from: "INVESTIGATING", to: "IDENTIFIED" } },
      { at: 18, type: "ACTION", body: "Rolled back payment-gateway to v3.1.4", by: MORGAN, pinned: true },
      { at: 21, type: "STATUS_CHANGE", body: "Identified → Monitoring", by: MIRA, data: { from: "IDENTIFIED", to: "MONITORING" } },
      { at: 24, type: "ALERT", body: "Resolved: CardAuthFailureRatio: card authorisation failures above 5 %", source: "alertmanager" },
      { at: 40, type: "COMMUNICATION", body: "Status page: resolved; payments have worked normally since 10:02 UTC", by: ALEX },
      { at: 59, type: "STATUS_CHANGE", body: "Monitoring → Resolved", by: MIRA, data: { from: "MONITORING", to: "RESOLVED" } },
      { at: 60 * 24 * 5, type: "STATUS_CHANGE", body: "Resolved → Closed. Postmortem published.", by: ALEX, data: { from: "RESOLVED", to: "CLOSED" } },
    ],
    postmortem: {
      status: "PUBLISHED",
      customers: "About 4,100 card payments failed in Germany, France and the Netherlands; customers saw “payment declined” and most retried with PayPal.",
      sections: {
        "Contributing factors":
          "- v3.2.0 lowered the default pool size from 100 to 20 as part of a dependency upgrade; the changelog did not mention it.\n- The load test runs at 30 % of EU peak, so the limit was never reached before production.\n- The canary took 2 % of traffic for 5 minutes, too little to exhaust the pool.",
        Mitigators: "- The rollback took 3 minutes thanks to the one-click rollback in the deploy pipeline.\n- The card failure ratio alert fired within 7 minutes.",
        "What went well": "- Detection by alert, acknowledged in 6 minutes.\n- Clear roles from the start; the status page was updated within 12 minutes.",
        "What went poorly": "- Nobody linked the deploy to the errors for 14 minutes: deploys are not shown on the service dashboard.\n- The canary did not catch a capacity regression.",
      },
    },
    actionItems: [
      { title: "Load-test payment-gateway at 120 % of EU peak before each minor release", owner: MORGAN, dueInDays: -3, status: "OPEN" },
      { title: "Show deploy markers on the payments dashboards", owner: MIRA, dueInDays: 10, status: "IN_PROGRESS" },
      { title: "Set the pool size explicitly in the gateway configuration", owner: MORGAN, dueInDays: -8, status: "DONE" },
    ],
  },
  {
    team: "payments",
    title: "Checkout latency above 2 s during the winter sale",
    summary: "During the sale's first hour, checkout p99 latency rose to 2.4 s because the ledger's write path throttled. Customers saw slow confirmations; no orders were lost.",
    severity: "SEV3",
    status: "RESOLVED",
    customerImpact: true,
    declared: { daysAgo: 26, at: "18:07" },
    declaredBy: ALEX,
    via: "portal",
    times: { impactStarted: -25, detected: -4, acknowledged: 2, mitigated: 48, resolved: 95 },
    services: ["checkout-api", "ledger"],
    roles: [
      { role: "COMMANDER", by: ALEX, at: 0 },
      { role: "SCRIBE", by: MIRA, at: 4 },
    ],
    events: [
      { at: 0, type: "DECLARED", body: "Declared SEV3: Checkout latency above 2 s during the winter sale", by: ALEX },
      { at: 0, type: "ROLE_CHANGE", body: "Alex Admin is now incident commander", by: ALEX },
      { at: 2, type: "STATUS_CHANGE", body: "Triage → Investigating", by: ALEX, data: { from: "TRIAGE", to: "INVESTIGATING" } },
      { at: 4, type: "ROLE_CHANGE", body: "Mira Member is now scribe", by: ALEX },
      { at: 10, type: "METRIC_SNAPSHOT", body: "checkout p99 2.4 s (SLO 800 ms); ledger write latency 1.9 s", by: MIRA },
      { at: 22, type: "STATUS_CHANGE", body: "Investigating → Identified. Ledger database at its provisioned IOPS limit", by: ALEX, data: { from: "INVESTIGATING", to: "IDENTIFIED" } },
      { at: 30, type: "ACTION", body: "Raised the ledger database's provisioned IOPS from 3,000 to 9,000", by: ALEX, pinned: true },
      { at: 48, type: "STATUS_CHANGE", body: "Identified → Monitoring", by: ALEX, data: { from: "IDENTIFIED", to: "MONITORING" } },
      { at: 95, type: "STATUS_CHANGE", body: "Monitoring → Resolved", by: ALEX, data: { from: "MONITORING", to: "RESOLVED" } },
    ],
    postmortem: {
      status: "IN_REVIEW",
      sections: {
        "Contributing factors": "- The sale doubled the ledger's write rate; its IOPS were sized for a normal day.\n- Nobody owned the capacity plan for the sale.",
        "What went poorly": "- Impact went unnoticed for 21 minutes: the latency alert waits for 15 minutes above threshold.",
      },
    },
    actionItems: [
      { title: "Capacity plan for seasonal peaks, reviewed two weeks before each sale", owner: ALEX, dueInDays: -5, status: "OPEN" },
      { title: "Alert on checkout p99 above 1 s for 5 minutes", owner: MIRA, dueInDays: 4, status: "OPEN" },
    ],
  },
  {
    team: "payments",
    title: "Duplicate charge alerts from the ledger reconciler",
    summary: "The reconciler flagged 40 duplicate charges; they were a display bug in the acquirer's report, not real charges.",
    severity: "SEV3",
    status: "CANCELLED",
    customerImpact: false,
    declared: { daysAgo: 19, at: "07:12" },
    declaredBy: MIRA,
    via: "alertmanager",
    times: { impactStarted: null, detected: -1, acknowledged: 6, closed: 35 },
    services: ["ledger"],
    roles: [{ role: "COMMANDER", by: MIRA, at: 6 }],
    alerts: [{ fingerprint: "c07b55e190d3a6f2", alertName: "LedgerDuplicateCharges", at: -1, resolvedAt: 30, labels: { alertname: "LedgerDuplicateCharges", severity: "high", service: "ledger" } }],
    events: [
      { at: -1, type: "ALERT", body: "Firing: LedgerDuplicateCharges: 40 possible duplicate charges", source: "alertmanager" },
      { at: 0, type: "DECLARED", body: "Declared SEV3: Duplicate charge alerts from the ledger reconciler", source: "alertmanager" },
      { at: 6, type: "STATUS_CHANGE", body: "Triage → Investigating", by: MIRA, data: { from: "TRIAGE", to: "INVESTIGATING" } },
      { at: 28, type: "NOTE", body: "The acquirer confirms their settlement report listed refunds twice; no customer was charged twice.", by: MIRA, pinned: true },
      { at: 35, type: "STATUS_CHANGE", body: "Investigating → Cancelled. False alarm: a reporting bug at the acquirer", by: MIRA, data: { from: "INVESTIGATING", to: "CANCELLED" } },
    ],
  },
  {
    team: "payments",
    title: "Ledger nightly reconciliation finished 5 hours late",
    summary: "The nightly reconciliation ran until 07:00; finance reports were late. No customer impact.",
    severity: "SEV4",
    status: "CLOSED",
    customerImpact: false,
    declared: { daysAgo: 44, at: "06:20" },
    declaredBy: MIRA,
    via: "portal",
    // When the delay started was never established: the metrics count this incident apart for MTTD.
    times: { impactStarted: null, detected: 0, acknowledged: 12, mitigated: 40, resolved: 55, closed: 60 * 24 * 2 },
    services: ["ledger"],
    roles: [{ role: "COMMANDER", by: MIRA, at: 12 }],
    events: [
      { at: 0, type: "DECLARED", body: "Declared SEV4: Ledger nightly reconciliation finished 5 hours late", by: MIRA },
      { at: 12, type: "STATUS_CHANGE", body: "Triage → Investigating", by: MIRA, data: { from: "TRIAGE", to: "INVESTIGATING" } },
      { at: 30, type: "ACTION", body: "Moved the reconciliation job to the larger worker pool", by: MIRA },
      { at: 40, type: "STATUS_CHANGE", body: "Investigating → Monitoring", by: MIRA, data: { from: "INVESTIGATING", to: "MONITORING" } },
      { at: 55, type: "STATUS_CHANGE", body: "Monitoring → Resolved", by: MIRA, data: { from: "MONITORING", to: "RESOLVED" } },
      { at: 60 * 24 * 2, type: "STATUS_CHANGE", body: "Resolved → Closed", by: MIRA, data: { from: "RESOLVED", to: "CLOSED" } },
    ],
  },
  {
    team: "payments",
    title: "Payment gateway TLS certificate expired",
    summary: "The certificate for api.pay.example.com expired at 00:00 UTC; every payment failed for 52 minutes until a new certificate was installed.",
    severity: "SEV1",
    status: "CLOSED",
    customerImpact: true,
    declared: { daysAgo: 71, at: "00:19" },
    declaredBy: ALEX,
    via: "portal",
    times: { impactStarted: -19, detected: -12, acknowledged: 1, mitigated: 33, resolved: 50, closed: 60 * 24 * 6 },
    services: ["payment-gateway"],
    roles: [
      { role: "COMMANDER", by: ALEX, at: 1 },
      { role: "OPERATIONS_LEAD", by: MORGAN, at: 4 },
      { role: "COMMUNICATIONS_LEAD", by: MIRA, at: 6 },
    ],
    events: [
      { at: 0, type: "DECLARED", body: "Declared SEV1: Payment gateway TLS certificate expired", by: ALEX },
      { at: 1, type: "STATUS_CHANGE", body: "Triage → Investigating", by: ALEX, data: { from: "TRIAGE", to: "INVESTIGATING" } },
      { at: 3, type: "STATUS_CHANGE", body: "Investigating → Identified. The certificate expired at midnight; renewal had been failing silently.", by: ALEX, data: { from: "INVESTIGATING", to: "IDENTIFIED" } },
      { at: 8, type: "COMMUNICATION", body: "Status page: all payments failing, fix under way", by: MIRA },
      { at: 28, type: "ACTION", body: "Issued and installed a new certificate by hand", by: MORGAN, pinned: true },
      { at: 33, type: "STATUS_CHANGE", body: "Identified → Monitoring", by: ALEX, data: { from: "IDENTIFIED", to: "MONITORING" } },
      { at: 50, type: "STATUS_CHANGE", body: "Monitoring → Resolved", by: ALEX, data: { from: "MONITORING", to: "RESOLVED" } },
      { at: 60 * 24 * 6, type: "STATUS_CHANGE", body: "Resolved → Closed", by: ALEX, data: { from: "RESOLVED", to: "CLOSED" } },
    ],
    postmortem: {
      status: "PUBLISHED",
      customers: "Every card and PayPal payment failed for 52 minutes, about 2,300 attempts, in the quietest hour of the night.",
      sections: {
        "Contributing factors": "- cert-manager's renewals failed for 30 days after a DNS provider API change; the failure was only logged.\n- No alert on certificate expiry.",
        Mitigators: "- The runbook for manual issuance was current.",
        "What went well": "- Diagnosed in 3 minutes.",
        "What went poorly": "- Detection depended on customers: no synthetic check on the payment endpoint.",
      },
    },
    actionItems: [
      { title: "Alert 21 days before any certificate expires", owner: MORGAN, dueInDays: -50, status: "DONE" },
      { title: "Synthetic payment check every minute from three regions", owner: ALEX, dueInDays: -30, status: "DONE" },
    ],
  },
  {
    team: "platform",
    title: "Ingress gateway dropped connections during node upgrade",
    summary: "While upgrading the ingress node pool, 3 % of requests to every public hostname were reset for 18 minutes: the pool drained nodes faster than Envoy could finish connections.",
    severity: "SEV2",
    status: "RESOLVED",
    customerImpact: true,
    declared: { daysAgo: 8, at: "13:32" },
    declaredBy: MORGAN,
    via: "portal",
    times: { impactStarted: -9, detected: -4, acknowledged: 1, mitigated: 9, resolved: 36 },
    services: ["ingress-gateway", "kubernetes-control-plane"],
    roles: [
      { role: "COMMANDER", by: MORGAN, at: 1 },
      { role: "SCRIBE", by: ALEX, at: 3 },
    ],
    events: [
      { at: -12, type: "DEPLOY", body: "Node pool ingress-2 upgrade to 1.31 started (surge 3)", by: MORGAN },
      { at: 0, type: "DECLARED", body: "Declared SEV2: Ingress gateway dropped connections during node upgrade", by: MORGAN },
      { at: 1, type: "STATUS_CHANGE", body: "Triage → Investigating", by: MORGAN, data: { from: "TRIAGE", to: "INVESTIGATING" } },
      { at: 4, type: "NOTE", body: "Connection resets line up with node drains; Envoy pods get 10 s to terminate, long-lived connections need 60 s.", by: ALEX, pinned: true },
      { at: 6, type: "ACTION", body: "Paused the node pool upgrade", by: MORGAN },
      { at: 9, type: "STATUS_CHANGE", body: "Investigating → Monitoring", by: MORGAN, data: { from: "INVESTIGATING", to: "MONITORING" } },
      { at: 36, type: "STATUS_CHANGE", body: "Monitoring → Resolved", by: MORGAN, data: { from: "MONITORING", to: "RESOLVED" } },
    ],
    postmortem: { status: "DRAFT", sections: {} },
    actionItems: [
      { title: "Give ingress pods a 90 s termination grace period and a preStop drain", owner: MORGAN, dueInDays: -2, status: "IN_PROGRESS" },
      { title: "Upgrade ingress node pools with surge 1 and a PodDisruptionBudget", owner: ALEX, dueInDays: 7, status: "OPEN" },
    ],
  },
  {
    team: "platform",
    title: "CI runners exhausted, deploys queued for 40 minutes",
    summary: "The runner autoscaler hit its node quota; deploys waited up to 40 minutes. No customer impact.",
    severity: "SEV4",
    status: "CLOSED",
    customerImpact: false,
    declared: { daysAgo: 33, at: "10:05" },
    declaredBy: MORGAN,
    via: "portal",
    times: { impactStarted: -30, detected: -5, acknowledged: 4, mitigated: 20, resolved: 41, closed: 60 * 24 },
    services: ["ci-runners"],
    roles: [{ role: "COMMANDER", by: MORGAN, at: 4 }],
    events: [
      { at: 0, type: "DECLARED", body: "Declared SEV4: CI runners exhausted, deploys queued for 40 minutes", by: MORGAN },
      { at: 4, type: "STATUS_CHANGE", body: "Triage → Investigating", by: MORGAN, data: { from: "TRIAGE", to: "INVESTIGATING" } },
      { at: 15, type: "ACTION", body: "Raised the runner node quota from 40 to 80", by: MORGAN },
      { at: 20, type: "STATUS_CHANGE", body: "Investigating → Monitoring", by: MORGAN, data: { from: "INVESTIGATING", to: "MONITORING" } },
      { at: 41, type: "STATUS_CHANGE", body: "Monitoring → Resolved", by: MORGAN, data: { from: "MONITORING", to: "RESOLVED" } },
      { at: 60 * 24, type: "STATUS_CHANGE", body: "Resolved → Closed", by: MORGAN, data: { from: "RESOLVED", to: "CLOSED" } },
    ],
  },
  {
    team: "platform",
    title: "Kubernetes API server latency slowed deploys",
    summary: "An operator listing every pod every 5 seconds overloaded the API servers; kubectl and deploys were slow for an hour.",
    severity: "SEV3",
    status: "CLOSED",
    customerImpact: false,
    declared: { daysAgo: 58, at: "15:40" },
    declaredBy: ALEX,
    via: "portal",
    times: { impactStarted: -45, detected: -10, acknowledged: 14, mitigated: 50, resolved: 70, closed: 60 * 24 * 3 },
    services: ["kubernetes-control-plane"],
    roles: [{ role: "COMMANDER", by: ALEX, at: 14 }],
    events: [
      { at: 0, type: "DECLARED", body: "Declared SEV3: Kubernetes API server latency slowed deploys", by: ALEX },
      { at: 14, type: "STATUS_CHANGE", body: "Triage → Investigating", by: ALEX, data: { from: "TRIAGE", to: "INVESTIGATING" } },
      { at: 35, type: "STATUS_CHANGE", body: "Investigating → Identified. A new operator lists all pods without a watch", by: ALEX, data: { from: "INVESTIGATING", to: "IDENTIFIED" } },
      { at: 45, type: "ACTION", body: "Scaled the operator to zero", by: MORGAN },
      { at: 50, type: "STATUS_CHANGE", body: "Identified → Monitoring", by: ALEX, data: { from: "IDENTIFIED", to: "MONITORING" } },
      { at: 70, type: "STATUS_CHANGE", body: "Monitoring → Resolved", by: ALEX, data: { from: "MONITORING", to: "RESOLVED" } },
      { at: 60 * 24 * 3, type: "STATUS_CHANGE", body: "Resolved → Closed", by: ALEX, data: { from: "RESOLVED", to: "CLOSED" } },
    ],
  },
];

/** Replaces a section's writing prompt (its italic line) with finished text. */
function fillSection(markdown: string, heading: string, text: string): string {
  const lines = markdown.split("\n");
  const start = lines.indexOf(`## ${heading}`);
  if (start === -1) return markdown;
  const prompt = lines.findIndex((line, index) => index > start && line.startsWith("_") && line.endsWith("_"));
  const next = lines.findIndex((line, index) => index > start && line.startsWith("## "));
  if (prompt === -1 || (next !== -1 && prompt > next)) return markdown;
  lines.splice(prompt, 1, text);
  return lines.join("\n");
}

/** Creates the demo services and incidents that are missing; answers how many rows it created. */
export async function seedIncidentDemo(tx: Tx, now: Date = new Date()): Promise<number> {
  let created = 0;
  const teams = new Map((await tx.team.findMany({ where: { slug: { in: ["payments", "platform"] } }, select: { id: true, slug: true, name: true } })).map((team) => [team.slug, team]));
  const users = new Map((await tx.user.findMany({ where: { email: { in: [ALEX, MORGAN, MIRA] } }, select: { id: true, email: true, name: true } })).map((user) => [user.email, user]));
  if (teams.size < 2 || users.size < 3) return 0;

  for (const service of demoServices) {
    const teamId = teams.get(service.team)!.id;
    // Upsert by (team, slug): the service catalog's seed may create the same slugs; whichever runs first wins.
    if (await tx.service.findUnique({ where: { teamId_slug: { teamId, slug: service.slug } }, select: { id: true } })) continue;
    await tx.service.create({ data: { teamId, slug: service.slug, name: service.name, tier: service.tier, description: service.description } });
    created++;
  }

  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  // Oldest first, so each team's numbers follow the order the incidents happened in.
  const ordered = [...incidents].sort((a, b) => declaredAtOf(a, today, minute) - declaredAtOf(b, today, minute));
  for (const demo of ordered) {
    const team = teams.get(demo.team)!;
    if (await tx.incident.findFirst({ where: { teamId: team.id, title: demo.title }, select: { id: true } })) continue;
    const declaredAt = new Date(declaredAtOf(demo, today, minute));
    const at = (minutes: number | null | undefined) => (minutes === null || minutes === undefined ? null : new Date(declaredAt.getTime() + minutes * 60_000));
    const userId = (email: string) => users.get(email)!.id;
    const last = await tx.incident.aggregate({ where: { teamId: team.id }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const services = await tx.service.findMany({ where: { teamId: team.id, slug: { in: demo.services } }, select: { id: true, slug: true, name: true } });
    const incident = await tx.incident.create({
      data: {
        teamId: team.id,
        number,
        title: demo.title,
        summary: demo.summary,
        severity: demo.severity,
        status: demo.status,
        customerImpact: demo.customerImpact,
        declaredAt,
        impactStartedAt: at(demo.times.impactStarted),
        detectedAt: at(demo.times.detected),
        acknowledgedAt: at(demo.times.acknowledged),
        mitigatedAt: at(demo.times.mitigated),
        resolvedAt: at(demo.times.resolved),
        closedAt: at(demo.times.closed),
        reopenCount: demo.reopened ?? 0,
        declaredById: userId(demo.declaredBy),
        declaredVia: demo.via,
        createdAt: declaredAt,
        services: { create: services.map((service) => ({ serviceId: service.id })) },
      },
    });
    for (const role of demo.roles) {
      await tx.incidentRoleAssignment.create({ data: { incidentId: incident.id, role: role.role, userId: userId(role.by), assignedAt: at(role.at)!, endedAt: at(role.until) } });
    }
    for (const alert of demo.alerts ?? []) {
      await tx.incidentAlert.create({
        data: {
          incidentId: incident.id,
          fingerprint: alert.fingerprint,
          alertName: alert.alertName,
          status: alert.resolvedAt === undefined ? "firing" : "resolved",
          labels: alert.labels,
          startsAt: at(alert.at)!,
          endsAt: at(alert.resolvedAt),
          lastReceivedAt: at(alert.resolvedAt ?? alert.at)!,
        },
      });
    }
    for (const event of demo.events) {
      await tx.incidentEvent.create({
        data: {
          incidentId: incident.id,
          type: event.type,
          body: event.body,
          data: event.data ?? {},
          occurredAt: at(event.at)!,
          createdAt: at(event.at)!,
          pinned: event.pinned ?? false,
          authorId: event.by ? userId(event.by) : event.source === "alertmanager" ? userId(demo.declaredBy) : null,
          source: event.source ?? "portal",
        },
      });
    }
    for (const item of demo.actionItems ?? []) {
      const done = item.status === "DONE" || item.status === "WONT_DO";
      await tx.actionItem.create({
        data: {
          incidentId: incident.id,
          teamId: team.id,
          title: item.title,
          ownerId: item.owner ? userId(item.owner) : null,
          dueDate: item.dueInDays === null ? null : new Date(today + item.dueInDays * 86_400_000),
          status: item.status,
          completedAt: done ? new Date(today + (item.dueInDays ?? 0) * 86_400_000 - 86_400_000) : null,
        },
      });
    }
    if (demo.postmortem) {
      const name = (email: string) => users.get(email)!.name ?? email;
      let markdown = generatePostmortemDraft(
        {
          reference: incidentReference(number),
          title: demo.title,
          summary: demo.summary,
          severity: demo.severity,
          type: "OPERATIONAL",
          status: demo.status,
          customerImpact: demo.customerImpact,
          declaredAt,
          declaredVia: demo.via,
          reopenCount: demo.reopened ?? 0,
          teamName: team.name,
          impactStartedAt: at(demo.times.impactStarted),
          detectedAt: at(demo.times.detected),
          acknowledgedAt: at(demo.times.acknowledged),
          mitigatedAt: at(demo.times.mitigated),
          resolvedAt: at(demo.times.resolved),
          services,
          roles: demo.roles.map((role) => ({ role: role.role, name: name(role.by), current: role.until === undefined })),
          events: demo.events.map((event) => ({ type: event.type, body: event.body, occurredAt: at(event.at)!, pinned: event.pinned ?? false, authorName: event.by ? name(event.by) : null })),
        },
        (demo.actionItems ?? []).map((item) => ({ title: item.title, ownerName: item.owner ? name(item.owner) : null, dueDate: item.dueInDays === null ? null : new Date(today + item.dueInDays * 86_400_000), status: item.status })),
        null,
      );
      for (const [heading, text] of Object.entries(demo.postmortem.sections)) markdown = fillSection(markdown, heading, text);
      if (demo.postmortem.customers) markdown = markdown.replace("_Say who and how many, and what they saw._", demo.postmortem.customers);
      const published = demo.postmortem.status === "PUBLISHED";
      await tx.postmortem.create({
        data: { incidentId: incident.id, markdown, status: demo.postmortem.status, publishedAt: published ? at((demo.times.closed ?? demo.times.resolved ?? 0) - 60) : null },
      });
    }
    await recordAudit(tx, null, {
      action: "incident.declared",
      teamId: team.id,
      targetType: "incident",
      targetId: incident.id,
      details: { reference: incidentReference(number), title: demo.title, severity: demo.severity, via: "demo" },
    });
    created++;
  }
  return created;
}

function declaredAtOf(demo: DemoIncident, today: number, minute: number): number {
  if ("minutesAgo" in demo.declared) return minute - demo.declared.minutesAgo * 60_000;
  const [hours, minutes] = demo.declared.at.split(":").map(Number);
  return today - demo.declared.daysAgo * 86_400_000 + (hours * 60 + minutes) * 60_000;
}

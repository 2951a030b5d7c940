import { describe, expect, it } from "vitest";
import { sreEngineerExample, sreEngineerSchema } from "@/lib/agents/sre-engineer/schema";
import { adoptionActionOf, counterSelector, histogramBaseSelector, planAdoption, serviceSlugOf, sloNameOf } from "@/lib/slo/adoption";
import { sloInputSchema } from "@/lib/slo/schema";

describe("reducing the SRE form's PromQL to SLO selectors", () => {
  it("takes a selector as it is, or the one selector a query rates", () => {
    expect(counterSelector('http_requests_total{job="checkout"}')).toBe('http_requests_total{job="checkout"}');
    expect(counterSelector('sum(rate(http_requests_total{job="checkout",code!~"5.."}[5m]))')).toBe('http_requests_total{job="checkout",code!~"5.."}');
    expect(counterSelector("sum by (code) (increase(requests_total[1h]))")).toBe("requests_total");
  });

  it("refuses queries it cannot reduce safely", () => {
    expect(counterSelector("")).toBeUndefined();
    expect(counterSelector("sum(rate(a_total[5m])) - sum(rate(b_total[5m]))")).toBeUndefined();
    expect(counterSelector("slo:sli_error:ratio_rate5m")).toBe("slo:sli_error:ratio_rate5m");
    expect(counterSelector("sum(slo:sli_error:ratio_rate5m) / 2")).toBeUndefined();
  });

  it("gives a histogram's base name without _bucket and without an le matcher", () => {
    expect(histogramBaseSelector('http_request_duration_seconds_bucket{job="checkout-api",route="/checkout"}')).toBe('http_request_duration_seconds{job="checkout-api",route="/checkout"}');
    expect(histogramBaseSelector('latency_seconds_bucket{le="0.3", job="a,b"}')).toBe('latency_seconds{job="a,b"}');
    expect(histogramBaseSelector("histogram_quantile(0.99, sum(rate(latency_seconds_bucket[5m])) by (le))")).toBe("latency_seconds");
    expect(histogramBaseSelector("1 + 1")).toBeUndefined();
  });

  it("names SLOs and services from the form's labels", () => {
    expect(sloNameOf("checkout-availability")).toBe("Checkout availability");
    expect(serviceSlugOf("a".repeat(39) + "-b" + "c".repeat(10))).toBe("a".repeat(39));
  });
});

describe("planAdoption", () => {
  it("maps the example form to two valid SLO specs on its service", () => {
    const plan = planAdoption(sreEngineerSchema.parse(sreEngineerExample));
    expect(plan.service).toEqual({ slug: "checkout-api", name: "checkout-api" });
    expect(plan.items).toHaveLength(2);
    const [availability, latency] = plan.items;
    expect(availability).toMatchObject({
      ok: true,
      spec: { slug: "checkout-availability", name: "Checkout availability", sliKind: "RATIO", goodQuery: 'http_requests_total{job="checkout-api",code!~"5.."}', totalQuery: 'http_requests_total{job="checkout-api"}', objective: 99.95, windowDays: 28 },
    });
    expect(latency).toMatchObject({ ok: true, spec: { sliKind: "LATENCY", latencyMetric: 'http_request_duration_seconds{job="checkout-api",route="/checkout"}', latencyThresholdMs: 400, objective: 99, windowDays: 28 } });
    for (const item of plan.items) if (item.ok) expect(sloInputSchema.safeParse(item.spec).success).toBe(true);
  });

  it("reports an SLI it cannot adopt instead of guessing", () => {
    const input = sreEngineerSchema.parse({
      ...sreEngineerExample,
      slis: [{ name: "ratio", kind: "availability", goodQuery: "sum(rate(a_total[5m])) - sum(rate(b_total[5m]))", totalQuery: "sum(rate(c_total[5m]))", objectivePercent: 99 }],
    });
    const [item] = planAdoption(input).items;
    expect(item.ok).toBe(false);
    expect(item.ok ? "" : item.reason).toMatch(/good events query/);
  });
});

describe("what adopting a revision does to each SLO on a service", () => {
  const service = { sloSlugs: ["checkout-availability", "checkout-latency", "hand-made"], adoptedSlos: [{ slug: "checkout-availability", revision: 1 }, { slug: "checkout-latency", revision: 2 }] };

  it("updates an SLO of an earlier revision, leaves one of this revision, refuses another SLO's slug, creates the rest", () => {
    expect(adoptionActionOf("checkout-availability", service, 2)).toEqual({ kind: "update", fromRevision: 1 });
    expect(adoptionActionOf("checkout-latency", service, 2)).toEqual({ kind: "unchanged" });
    expect(adoptionActionOf("hand-made", service, 2)).toEqual({ kind: "taken" });
    expect(adoptionActionOf("checkout-errors", service, 2)).toEqual({ kind: "create" });
    expect(adoptionActionOf("checkout-availability", undefined, 2)).toEqual({ kind: "create" });
  });
});

// Test data shared by the incidents domain's unit and integration tests.

/** A notification exactly as Alertmanager 0.27 posts it to a webhook receiver. */
export function alertmanagerPayload(overrides: { status?: "firing" | "resolved"; alerts?: Record<string, unknown>[] } = {}) {
  return {
    receiver: "portal",
    status: overrides.status ?? "firing",
    alerts: overrides.alerts ?? [
      {
        status: "firing",
        labels: { alertname: "CheckoutErrorRate", service: "checkout-api", severity: "critical", namespace: "payments" },
        annotations: { summary: "5xx above 5 % for 5 minutes", description: "checkout-api answers 7.2 % 5xx in eu-west-1." },
        startsAt: "2026-11-28T09:38:12.123456789Z",
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "http://prometheus:9090/graph?g0.expr=rate",
        fingerprint: "c6a3b1e0f0d4a2b1",
      },
    ],
    groupLabels: { alertname: "CheckoutErrorRate" },
    commonLabels: { alertname: "CheckoutErrorRate", team: "payments" },
    commonAnnotations: {},
    externalURL: "http://alertmanager:9093",
    version: "4",
    groupKey: '{}:{alertname="CheckoutErrorRate"}',
    truncatedAlerts: 0,
  };
}

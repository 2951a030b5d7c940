// The service catalog's words for tiers and lifecycles: plain constants, so the tables that show them
// ship no zod to the browser.

export const tierLabels: Record<number, string> = {
  1: "Tier 1 · critical",
  2: "Tier 2 · important",
  3: "Tier 3 · standard",
  4: "Tier 4 · best effort",
};

export const tierDescriptions: Record<number, string> = {
  1: "Customer-facing; an outage stops the business.",
  2: "Important; degrades the product when down.",
  3: "Internal or with workarounds.",
  4: "Best effort: tools, experiments.",
};

export const serviceLifecycles = ["EXPERIMENTAL", "PRODUCTION", "DEPRECATED"] as const;
export type ServiceLifecycleValue = (typeof serviceLifecycles)[number];

export const lifecycleLabels: Record<ServiceLifecycleValue, string> = {
  EXPERIMENTAL: "Experimental",
  PRODUCTION: "Production",
  DEPRECATED: "Deprecated",
};

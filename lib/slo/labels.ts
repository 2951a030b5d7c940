// The SLI kinds and their words: plain constants, so the tables that show them ship no zod to the browser.

export const sliKinds = ["RATIO", "LATENCY"] as const;
export type SliKindValue = (typeof sliKinds)[number];

export const sliKindLabels: Record<SliKindValue, string> = {
  RATIO: "Availability (good ÷ total events)",
  LATENCY: "Latency (share of requests under a threshold)",
};

export const sliKindShortLabels: Record<SliKindValue, string> = { RATIO: "Availability", LATENCY: "Latency" };

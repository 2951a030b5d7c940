// The roles' measurable targets (from the roles catalog, lib/agents/*/definition.ts) read as thresholds,
// and held against what the portal measures. Pure: the measured values come in from targets.server.ts.
import { z } from "zod";
import { roles } from "@/lib/agents/registry";
import type { RoleKey } from "@/lib/agents/types";

export type TargetUnit = "per-day" | "ratio" | "seconds";
export type Comparator = "above" | "below" | "at-least";

export interface Threshold {
  comparator: Comparator;
  /** In the unit: deployments a day, a fraction (0.05 = 5 %), or seconds. */
  value: number;
  unit: TargetUnit;
}

/**
 * Reads a target as the catalog writes it: "> 10 per day", "< 5%", "< 30 minutes", "99.99%", "> 70%".
 * Anything else ("Compliant") is not a number the portal can compare, and gives undefined.
 */
export function parseThreshold(text: string): Threshold | undefined {
  const match = /^\s*(>|<|≥|>=)?\s*([\d.]+)\s*(%|per day|minutes?|hours?)\s*$/i.exec(text);
  if (!match) return undefined;
  const comparator: Comparator = match[1] === ">" ? "above" : match[1] === "<" ? "below" : "at-least";
  const number = Number(match[2]);
  if (!Number.isFinite(number)) return undefined;
  const unitText = match[3].toLowerCase();
  if (unitText === "%") return { comparator, value: number / 100, unit: "ratio" };
  if (unitText === "per day") return { comparator, value: number, unit: "per-day" };
  return { comparator, value: unitText.startsWith("hour") ? number * 3600 : number * 60, unit: "seconds" };
}

/** What the portal measures for a target. */
export type Measure = "deployment-frequency" | "change-failure-rate" | "deployment-recovery" | "incident-mttr" | "slo-compliance" | "availability";

export const measureDescriptions: Record<Measure, { source: string; evidence: string }> = {
  "deployment-frequency": { source: "Successful production deployments a day, last 30 days", evidence: "/dora?window=30" },
  "change-failure-rate": { source: "Production deployments that failed or caused an incident, last 30 days", evidence: "/dora?window=30" },
  "deployment-recovery": { source: "Median failed deployment recovery time, last 30 days", evidence: "/dora?window=30" },
  "incident-mttr": { source: "Mean time to resolve of the team's incidents, last 30 days", evidence: "/incidents/metrics?period=30d" },
  "slo-compliance": { source: "Mean attainment of the team's SLOs over their windows", evidence: "/slos" },
  availability: { source: "The lowest attainment among the team's SLOs over their windows", evidence: "/slos" },
};

/** Which catalog target each measure answers, by role and label. Targets not listed are shown as not measured. */
const measuredTargets: { role: RoleKey; label: string; measure: Measure }[] = [
  { role: "deployment-engineer", label: "Deployment frequency", measure: "deployment-frequency" },
  { role: "deployment-engineer", label: "Change failure rate", measure: "change-failure-rate" },
  { role: "deployment-engineer", label: "Mean time to restore", measure: "deployment-recovery" },
  { role: "sre-engineer", label: "SLO compliance", measure: "slo-compliance" },
  { role: "sre-engineer", label: "Mean time to restore", measure: "incident-mttr" },
  { role: "cloud-architect", label: "Availability", measure: "availability" },
];

export interface CatalogTarget {
  key: string;
  role: { key: RoleKey; title: string };
  label: string;
  /** As the catalog writes it. */
  seed: string;
  threshold: Threshold | undefined;
  measure: Measure | undefined;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** Every role's targets, in the catalog's order, with the threshold and measure the portal reads them as. */
export function catalogTargets(): CatalogTarget[] {
  return roles.flatMap((role) =>
    role.targets.map((target) => ({
      key: `${role.key}.${slug(target.label)}`,
      role: { key: role.key as RoleKey, title: role.title },
      label: target.label,
      seed: target.value,
      threshold: parseThreshold(target.value),
      measure: measuredTargets.find((entry) => entry.role === role.key && entry.label === target.label)?.measure,
    })),
  );
}

export type Verdict = "met" | "missed" | "no-data" | "not-measured";

export function judge(threshold: Threshold | undefined, measured: number | null | undefined): Verdict {
  if (!threshold || measured === undefined) return "not-measured";
  if (measured === null) return "no-data";
  if (threshold.comparator === "above") return measured > threshold.value ? "met" : "missed";
  if (threshold.comparator === "below") return measured < threshold.value ? "met" : "missed";
  return measured >= threshold.value ? "met" : "missed";
}

/** A value in the unit people type and read: per day as is, ratios in percent, durations in minutes. */
export function toDisplay(value: number, unit: TargetUnit): number {
  if (unit === "ratio") return Math.round(value * 100 * 1e6) / 1e6;
  if (unit === "seconds") return Math.round((value / 60) * 1e6) / 1e6;
  return value;
}

export function fromDisplay(value: number, unit: TargetUnit): number {
  if (unit === "ratio") return value / 100;
  if (unit === "seconds") return value * 60;
  return value;
}

export const displayUnits: Record<TargetUnit, string> = { "per-day": "per day", ratio: "%", seconds: "minutes" };

const comparatorSigns: Record<Comparator, string> = { above: ">", below: "<", "at-least": "≥" };

export function formatThreshold(threshold: Threshold): string {
  const value = toDisplay(threshold.value, threshold.unit);
  return threshold.unit === "ratio" ? `${comparatorSigns[threshold.comparator]} ${value}%` : `${comparatorSigns[threshold.comparator]} ${value} ${displayUnits[threshold.unit]}`;
}

/** A team's own value for a target, in display units; `version` is the one last read (0 when there was none). */
export const setTargetSchema = z.object({
  key: z.string().min(1).max(200),
  value: z.coerce.number().finite().min(0).max(1_000_000),
  version: z.coerce.number().int().min(0),
});
export const resetTargetSchema = z.object({ key: z.string().min(1).max(200), version: z.coerce.number().int().min(1) });

// Targets vs actuals of a team: each role's seed target (or the team's own value) beside what the portal
// measured, with the evidence's address; and the team's overrides, edited with a version check (409 when stale).
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireTeamPermission, teamAccess } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, InvalidError, parseOrThrow } from "@/lib/errors";
import { getTeamDora } from "@/lib/deployments/dora.server";
import { getIncidentMetrics } from "@/lib/incidents/metrics.server";
import { listTeamSloReports } from "@/lib/slo/reports.server";
import {
  catalogTargets,
  formatThreshold,
  fromDisplay,
  judge,
  measureDescriptions,
  resetTargetSchema,
  setTargetSchema,
  type Measure,
  type Threshold,
  type Verdict,
} from "@/lib/deployments/targets";

export interface TargetRow {
  key: string;
  role: { key: string; title: string };
  label: string;
  seed: string;
  /** The threshold in force: the team's override when there is one, else the seed's. */
  threshold: Threshold | null;
  thresholdText: string;
  overridden: boolean;
  version: number;
  measured: number | null;
  measuredSource: string | null;
  evidence: string | null;
  verdict: Verdict;
}

/** What the portal measures for a team, by measure; null where there is no data. */
async function measureTeam(actor: Actor, teamSlug: string, now: Date): Promise<Record<Measure, number | null>> {
  const [dora, incidents, slos] = await Promise.all([
    getTeamDora(actor, { team: teamSlug, window: "30" }, { now }),
    getIncidentMetrics(actor, teamSlug, { period: "30d" }, { now }),
    listTeamSloReports(actor, teamSlug, now),
  ]);
  const attainments = slos.slos.flatMap((entry) => (entry.report.sli === null ? [] : [entry.report.sli]));
  const mttrMinutes = incidents.metrics.mttr.meanMinutes;
  return {
    "deployment-frequency": dora.summary.frequency.value,
    "change-failure-rate": dora.summary.changeFailureRate.value,
    "deployment-recovery": dora.summary.recoveryTime.value,
    "incident-mttr": mttrMinutes === null ? null : mttrMinutes * 60,
    "slo-compliance": attainments.length ? attainments.reduce((sum, value) => sum + value, 0) / attainments.length : null,
    availability: attainments.length ? Math.min(...attainments) : null,
  };
}

export async function getTeamTargets(actor: Actor, teamSlug: string, options: { now?: Date } = {}) {
  const db = getDb();
  const access = await teamAccess(db, actor, { slug: teamSlug });
  const now = options.now ?? new Date();
  const [overrides, measured] = await Promise.all([db.doraTargetOverride.findMany({ where: { teamId: access.team.id } }), measureTeam(actor, teamSlug, now)]);
  const byKey = new Map(overrides.map((override) => [override.key, override]));
  const rows: TargetRow[] = catalogTargets().map((target) => {
    const override = byKey.get(target.key);
    const threshold = target.threshold && override ? { ...target.threshold, value: override.value } : target.threshold;
    const value = target.measure ? measured[target.measure] : undefined;
    return {
      key: target.key,
      role: target.role,
      label: target.label,
      seed: target.seed,
      threshold: threshold ?? null,
      thresholdText: threshold ? formatThreshold(threshold) : target.seed,
      overridden: Boolean(override),
      version: override?.version ?? 0,
      measured: value ?? null,
      measuredSource: target.measure ? measureDescriptions[target.measure].source : null,
      evidence: target.measure ? measureDescriptions[target.measure].evidence : null,
      verdict: judge(threshold, value),
    };
  });
  return { team: access.team, canEdit: roleAllows(access.role, "manage"), asOf: now.toISOString(), targets: rows };
}

function editableTarget(key: string) {
  const target = catalogTargets().find((entry) => entry.key === key);
  if (!target?.threshold) throw InvalidError.field(["key"], "Not a target with a number the portal can compare");
  return target as typeof target & { threshold: Threshold };
}

/**
 * Sets the team's own value for a target (in display units: per day, percent, minutes). `version` is the
 * one the editor read (0 when the seed was in force); anything else is a 409, nothing changed.
 */
export async function setTargetOverride(actor: Actor, teamSlug: string, input: unknown) {
  const data = parseOrThrow(setTargetSchema, input);
  const target = editableTarget(data.key);
  const value = fromDisplay(data.value, target.threshold.unit);
  if (target.threshold.unit === "ratio" && value > 1) throw InvalidError.field(["value"], "A percentage is at most 100");
  return getDb().$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug: teamSlug }, "manage");
    const current = await tx.doraTargetOverride.findUnique({ where: { teamId_key: { teamId: access.team.id, key: data.key } } });
    if ((current?.version ?? 0) !== data.version) throw new ConflictError("Someone changed this target since you opened it. Reload to see their value.", { version: current?.version ?? 0 });
    const saved = current
      ? await tx.doraTargetOverride.update({ where: { teamId_key: { teamId: access.team.id, key: data.key } }, data: { value, version: { increment: 1 } } })
      : await tx.doraTargetOverride.create({ data: { teamId: access.team.id, key: data.key, value } });
    await recordAudit(tx, actor, {
      action: "dora.target_set",
      teamId: access.team.id,
      targetType: "dora_target",
      targetId: data.key,
      details: { key: data.key, label: `${target.role.title}: ${target.label}`, value: formatThreshold({ ...target.threshold, value }), seed: target.seed },
    });
    return saved;
  });
}

/** Goes back to the role's seed value (409 when the override changed since it was read). */
export async function resetTargetOverride(actor: Actor, teamSlug: string, input: unknown) {
  const data = parseOrThrow(resetTargetSchema, input);
  const target = editableTarget(data.key);
  return getDb().$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug: teamSlug }, "manage");
    const deleted = await tx.doraTargetOverride.deleteMany({ where: { teamId: access.team.id, key: data.key, version: data.version } });
    if (deleted.count === 0) throw new ConflictError("Someone changed this target since you opened it. Reload to see their value.");
    await recordAudit(tx, actor, {
      action: "dora.target_reset",
      teamId: access.team.id,
      targetType: "dora_target",
      targetId: data.key,
      details: { key: data.key, label: `${target.role.title}: ${target.label}`, seed: target.seed },
    });
  });
}

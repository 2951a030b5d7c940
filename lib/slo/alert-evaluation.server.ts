// The worker's minute job for SLO alerts: evaluates every alerting SLO on the portal's own data (the
// same sums and math as the dashboards), and records slo.alert.firing / slo.alert.resolved in the
// transaction that stores the new alert state, with the hysteresis of lib/slo/alert-state.ts. The sums
// are read outside any transaction; each SLO's new state is then written in a short transaction that
// only applies if the state is still the one the evaluation started from (so two evaluations never
// announce one transition twice).
import "server-only";
import type { Db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { recordEvent } from "@/lib/outbox/outbox.server";
import { burnWindows, evaluateSlo, toEpochMinute, type BurnWindow, type EventCounts, type SloReport, type WindowCounts } from "@/lib/slo/math";
import { nextAlertState, observedLevel, type AlertLevel, type StoredAlertState } from "@/lib/slo/alert-state";
import { sumWindows } from "@/lib/slo/reports.server";

const emptyCounts: WindowCounts = { window: { good: 0, total: 0 }, burn: Object.fromEntries(burnWindows.map((window) => [window.key, { good: 0, total: 0 }])) as Record<BurnWindow, EventCounts> };

const percent = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 100_000) / 1_000);
const rounded = (value: number | null) => (value === null ? 0 : Math.round(value * 100) / 100);

/** The worst firing alert of a level: the one burning fastest over its long window. */
function strongestAlert(report: SloReport, level: "page" | "ticket") {
  return report.alerts
    .filter((alert) => alert.severity === level)
    .sort((a, b) => Number(b.firing) - Number(a.firing) || (b.longBurnRate ?? 0) - (a.longBurnRate ?? 0))[0];
}

/** Evaluates every SLO that alerts, or that still has an announced alert to resolve; returns the events recorded. */
export async function evaluateSloAlerts(db: Db, now: Date): Promise<number> {
  const slos = await db.slo.findMany({
    where: { OR: [{ alerting: true }, { alertState: { level: { not: "none" } } }] },
    include: { service: { select: { slug: true, name: true } }, team: { select: { slug: true, name: true } }, alertState: true },
  });
  if (slos.length === 0) return 0;
  const sums = await sumWindows({ ids: slos.map((slo) => slo.id) }, toEpochMinute(now));
  let recorded = 0;
  for (const slo of slos) {
    const report = evaluateSlo(slo, sums.get(slo.id)?.counts ?? emptyCounts);
    const stored: StoredAlertState | null = slo.alertState ? { level: slo.alertState.level as AlertLevel, since: slo.alertState.since, clearSince: slo.alertState.clearSince } : null;
    const { state, transitions } = nextAlertState(stored, slo.alerting ? observedLevel(report) : "none", now);
    // Quiet and never announced: nothing worth a row.
    if (!stored && state.level === "none") continue;
    const base = {
      team: slo.team,
      actor: null,
      slo: {
        id: slo.id,
        name: slo.name,
        slug: slo.slug,
        service: slo.service,
        objective: slo.objective,
        windowDays: slo.windowDays,
        url: `${publicUrl()}/slos/${slo.id}`,
      },
    };
    const subject = { type: "slo" as const, id: slo.id };
    const applied = await db.$transaction(async (tx) => {
      const values = { level: state.level, since: state.since, clearSince: state.clearSince, evaluatedAt: now };
      if (slo.alertState) {
        // Compare and set: another evaluation that got here first leaves nothing for this one to do.
        const moved = await tx.sloAlertState.updateMany({ where: { sloId: slo.id, evaluatedAt: slo.alertState.evaluatedAt }, data: values });
        if (moved.count === 0) return false;
      } else {
        const created = await tx.sloAlertState.createMany({ data: [{ sloId: slo.id, teamId: slo.teamId, ...values }], skipDuplicates: true });
        if (created.count === 0) return false;
      }
      for (const transition of transitions) {
        if (transition.kind === "firing") {
          const alert = strongestAlert(report, transition.level);
          await recordEvent(tx, {
            teamId: slo.teamId,
            type: "slo.alert.firing",
            subject,
            occurredAt: now,
            data: {
              ...base,
              alert: {
                level: transition.level,
                burnRate: rounded(alert.longBurnRate),
                shortBurnRate: rounded(alert.shortBurnRate),
                threshold: rounded(alert.factor),
                windows: `${alert.longWindow}/${alert.shortWindow}`,
                budgetRemainingPercent: percent(report.budgetRemaining),
                since: now.toISOString(),
              },
            },
          });
        } else {
          await recordEvent(tx, {
            teamId: slo.teamId,
            type: "slo.alert.resolved",
            subject,
            occurredAt: now,
            data: { ...base, alert: { level: transition.level, firedAt: transition.firedAt.toISOString(), resolvedAt: now.toISOString(), budgetRemainingPercent: percent(report.budgetRemaining) } },
          });
        }
      }
      return true;
    });
    if (applied) recorded += transitions.length;
  }
  return recorded;
}

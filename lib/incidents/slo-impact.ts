// The seam for the SLO link (issue 5): the error budget each affected service's SLO lost during the incident
// window. Until SLOs are linked, callers pass null and the postmortem says the figure is not available.
// The window to measure is the one `impactDuration` in lib/incidents/times.ts reports: impact start
// (else detection) to mitigation (else resolution).
export interface SloBudgetImpact {
  serviceName: string;
  sloName: string;
  /** Percent of the SLO's error budget consumed during the incident window; null when the SLO has no data for it. */
  budgetConsumedPercent: number | null;
}

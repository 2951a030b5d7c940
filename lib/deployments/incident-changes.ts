// The shape of "what changed" on the incident page, and how far back it looks.

/** How far back "what changed" looks from an incident's start. */
export const CHANGES_LOOKBACK_HOURS = 6;

export interface IncidentChange {
  id: string;
  service: { slug: string; name: string };
  environment: string;
  version: string;
  commitSha: string | null;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  triggeredBy: string;
  url: string | null;
  linked: boolean;
  /** Minutes from the deployment's start to the incident's start (negative: before). */
  minutesBefore: number;
}

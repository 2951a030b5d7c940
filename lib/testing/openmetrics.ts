// Synthetic SLI counters as OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`: a good and
// a bad request counter scraped every `intervalSeconds`, with an error ratio that changes by the hour,
// optional gaps (no scrapes) and counter resets (a restart). Pure and deterministic.
export interface SyntheticCounters {
  /** Metric family name without _total. */
  metric: string;
  /** Extra labels on every series, e.g. { slo: "a" }. */
  labels?: Record<string, string>;
  startSeconds: number;
  endSeconds: number;
  intervalSeconds: number;
  requestsPerInterval: number;
  /** [from, to) seconds without scrapes. */
  gaps?: [number, number][];
  /** Seconds at which both counters restart from zero. */
  resets?: number[];
}

/** The error ratio of an hour: between 0.02 % and 0.6 %, varying deterministically. */
export function errorRatioAt(seconds: number): number {
  const hour = Math.floor(seconds / 3_600);
  return 0.0002 + ((hour * 7919) % 29) / 5_000;
}

export function syntheticCounters(spec: SyntheticCounters): { good: string[]; bad: string[] } {
  const labels = Object.entries(spec.labels ?? {}).map(([name, value]) => `${name}="${value}"`);
  const series = (code: string) => `${spec.metric}_total{${[...labels, `code="${code}"`].join(",")}}`;
  const goodName = series("200");
  const badName = series("500");
  const good: string[] = [];
  const bad: string[] = [];
  let goodCounter = 0;
  let badCounter = 0;
  const resets = new Set(spec.resets ?? []);
  let carry = 0;
  for (let t = spec.startSeconds; t < spec.endSeconds; t += spec.intervalSeconds) {
    if (resets.has(t)) {
      goodCounter = 0;
      badCounter = 0;
    }
    carry += spec.requestsPerInterval * errorRatioAt(t);
    const errors = Math.floor(carry);
    carry -= errors;
    goodCounter += spec.requestsPerInterval - errors;
    badCounter += errors;
    if ((spec.gaps ?? []).some(([from, to]) => t >= from && t < to)) continue;
    good.push(`${goodName} ${goodCounter} ${t}`);
    bad.push(`${badName} ${badCounter} ${t}`);
  }
  return { good, bad };
}

/** One OpenMetrics document of several counter sets (each family once, as promtool expects). */
export function openMetricsDocument(metric: string, sets: { good: string[]; bad: string[] }[]): string {
  const body = sets.flatMap((set) => [...set.good, ...set.bad]).join("\n");
  return `# HELP ${metric} Requests.\n# TYPE ${metric} counter\n${body}\n# EOF\n`;
}

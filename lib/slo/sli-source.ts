// The SLO domain's port to the systems an SLI can be read from (a Prometheus-compatible HTTP API today):
// test a connection, check selectors, and fetch one-minute good/total samples for a range. Adapters live in
// lib/integrations/<system>/ and are wired in lib/integrations/registry.ts; this domain never imports them.
import type { MinuteSample } from "@/lib/slo/math";

export type SourceAuth = { kind: "NONE" } | { kind: "BEARER"; token: string } | { kind: "BASIC"; username: string; password: string };

/** Where and how to reach a source, with its secret opened: built by the data layer, never stored or returned. */
export interface SourceConnection {
  url: string;
  auth: SourceAuth;
  tlsVerify: boolean;
  timeoutMs: number;
  /** WEBHOOK_ALLOW_PRIVATE: whether private addresses may be reached (on-premises servers). */
  allowPrivate: boolean;
}

/** What an SLI is made of: the same fields as an SLO definition. */
export interface SliDefinition {
  sliKind: "RATIO" | "LATENCY";
  goodQuery: string | null;
  totalQuery: string | null;
  latencyMetric: string | null;
  latencyThresholdMs: number | null;
}

export interface SourceCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface SourceTestReport {
  ok: boolean;
  /** The server's version, when it told. */
  version: string | null;
  checks: SourceCheck[];
}

/** A minute range [fromMinute, toMinute) in epoch minutes (the minute starting at fromMinute is the first). */
export interface MinuteRange {
  fromMinute: number;
  toMinute: number;
}

export interface FetchedSamples {
  /** One sample per minute that had data; a minute without a series is absent (a gap, not zero). */
  samples: MinuteSample[];
}

/** A failure the source reported or caused (unreachable, timeout, HTTP error, a query error, garbage). */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SourceError";
  }
}

export interface SliSource {
  /** Runs a trivial query (`up`) and asks for the version; never throws. */
  test(connection: SourceConnection): Promise<SourceTestReport>;
  /** Problems with an SLI's selectors as the source sees them, keyed by the SLO field; throws SourceError when it cannot tell. */
  checkSli(connection: SourceConnection, sli: SliDefinition): Promise<{ field: keyof SliDefinition; message: string }[]>;
  /**
   * How long the source keeps data, in minutes, when it tells (Prometheus' time-based retention); null when
   * it does not (Thanos, Mimir, VictoriaMetrics, a size-only retention). Throws SourceError when unreachable.
   */
  retentionMinutes(connection: SourceConnection): Promise<number | null>;
  /** The largest number of minutes one fetchSamples call may cover (the server's point limit). */
  readonly maxMinutesPerFetch: number;
  /** Good and total events per minute over the range; throws SourceError. */
  fetchSamples(connection: SourceConnection, sli: SliDefinition, range: MinuteRange): Promise<FetchedSamples>;
}

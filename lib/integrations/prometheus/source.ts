// The SLO domain's SliSource (lib/slo/sli-source.ts) for a Prometheus-compatible HTTP API: Prometheus,
// Thanos, Mimir, VictoriaMetrics. Calls go through the portal's outbound rules (guardedFetch: the SSRF
// address check, a time limit, a capped answer, no redirects), answers are checked with zod (a source that
// answers garbage is an error, not a crash), and no message ever carries the credentials.
import { z } from "zod";
import { guardedFetch } from "@/lib/integrations/http/guarded-fetch";
import { matrixToMinuteSamples } from "@/lib/integrations/prometheus/matrix";
import { MAX_MINUTES_PER_QUERY, minuteIncrease, rangeParameters, retentionToMinutes, sliRangeQueries, sliSelectors } from "@/lib/integrations/prometheus/queries";
import { SourceError, type SliDefinition, type SliSource, type SourceCheck, type SourceConnection } from "@/lib/slo/sli-source";

const apiError = z.object({ status: z.literal("error"), errorType: z.string().optional(), error: z.string().optional() });
const sampleValue = z.tuple([z.number(), z.string()]);
const vectorData = z.object({ resultType: z.literal("vector"), result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: sampleValue })) });
const matrixData = z.object({ resultType: z.literal("matrix"), result: z.array(z.object({ metric: z.record(z.string(), z.string()), values: z.array(sampleValue) })) });
const buildInfoData = z.object({ version: z.string() }).passthrough();
const runtimeInfoData = z.object({ storageRetention: z.string().optional() }).passthrough();

/** `https://host/prefix` + `query_range` → `https://host/prefix/api/v1/query_range`. */
export function apiUrl(base: string, endpoint: string): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/api/v1/${endpoint}`;
  url.search = "";
  url.hash = "";
  return url.toString();
}

function authorization(connection: SourceConnection): Record<string, string> {
  if (connection.auth.kind === "BEARER") return { authorization: `Bearer ${connection.auth.token}` };
  if (connection.auth.kind === "BASIC") return { authorization: `Basic ${Buffer.from(`${connection.auth.username}:${connection.auth.password}`).toString("base64")}` };
  return {};
}

/** A message without the connection's secrets (an echoing proxy must not leak them into the SLO page). */
function scrub(message: string, connection: SourceConnection): string {
  let text = message;
  const secrets = connection.auth.kind === "BEARER" ? [connection.auth.token] : connection.auth.kind === "BASIC" ? [connection.auth.password] : [];
  for (const secret of secrets) if (secret) text = text.replaceAll(secret, "•••");
  return text.replaceAll("\u0000", "").slice(0, 500);
}

/** One API call: the `data` of a success answer, or SourceError with what the server or the network said. */
async function call<T>(connection: SourceConnection, endpoint: string, schema: z.ZodType<T>, form?: Record<string, string>): Promise<T> {
  const fetch = guardedFetch({ timeoutMs: connection.timeoutMs, allowPrivate: connection.allowPrivate, verifyTls: connection.tlsVerify, maxResponseBytes: 16 * 1024 * 1024 });
  let response: Response;
  try {
    response = await fetch(apiUrl(connection.url, endpoint), {
      method: form ? "POST" : "GET",
      headers: { accept: "application/json", "user-agent": "PlatformPortal-SLI/1", ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}), ...authorization(connection) },
      body: form ? new URLSearchParams(form).toString() : undefined,
      // The socket timeout above catches silence; this bounds a server that trickles its answer.
      signal: AbortSignal.timeout(connection.timeoutMs * 2),
    });
  } catch (error) {
    const cause = error as NodeJS.ErrnoException;
    throw new SourceError(scrub(`Could not reach the source: ${cause.code && !cause.message.includes(cause.code) ? `${cause.code}: ` : ""}${cause.message}`, connection));
  }
  let body: unknown;
  const text = await response.text().catch(() => "");
  try {
    body = JSON.parse(text);
  } catch {
    throw new SourceError(scrub(`HTTP ${response.status} from ${endpoint}, not a Prometheus API answer: ${text.slice(0, 120)}`, connection));
  }
  const failure = apiError.safeParse(body);
  if (failure.success) throw new SourceError(scrub(`${failure.data.errorType ?? "error"}: ${failure.data.error ?? `HTTP ${response.status}`}`, connection));
  if (!response.ok) throw new SourceError(`HTTP ${response.status} from ${endpoint}`);
  const success = z.object({ status: z.literal("success"), data: schema }).safeParse(body);
  if (!success.success) throw new SourceError(`The answer of ${endpoint} is not a Prometheus API answer (${success.error.issues[0]?.message ?? "unexpected shape"})`);
  return success.data.data;
}

async function check(name: string, run: () => Promise<string>): Promise<SourceCheck> {
  try {
    return { name, ok: true, detail: await run() };
  } catch (error) {
    return { name, ok: false, detail: error instanceof SourceError ? error.message : (error as Error).message };
  }
}

export const prometheusSource: SliSource = {
  maxMinutesPerFetch: MAX_MINUTES_PER_QUERY,

  async test(connection) {
    let version: string | null = null;
    const query = await check("Query", async () => {
      const data = await call(connection, "query", vectorData, { query: "up" });
      const up = data.result.filter((series) => series.value[1] === "1").length;
      return `up answered: ${data.result.length} target${data.result.length === 1 ? "" : "s"}, ${up} up`;
    });
    const build = await check("Version", async () => {
      version = (await call(connection, "status/buildinfo", buildInfoData)).version;
      return `Version ${version}`;
    });
    // Thanos, Mimir and others may not serve buildinfo: the query passing is what matters.
    return { ok: query.ok, version, checks: [query, build.ok ? build : { ...build, ok: true, detail: `Version unknown (${build.detail})` }] };
  },

  async checkSli(connection, sli) {
    const { good, total } = sliSelectors(sli);
    const fields: [keyof SliDefinition, string][] = sli.sliKind === "LATENCY" ? [["latencyMetric", good], ["latencyMetric", total]] : [["goodQuery", good], ["totalQuery", total]];
    const problems: { field: keyof SliDefinition; message: string }[] = [];
    for (const [field, selector] of fields) {
      // An instant query of the very expression the pull runs: parsed by the server, at most one series back.
      // Works on every Prometheus-compatible API (parse_query is recent and Prometheus-only).
      try {
        await call(connection, "query", vectorData, { query: minuteIncrease(selector) });
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        if (/^bad_data/.test(error.message)) problems.push({ field, message: `The source refused the query: ${error.message.replace(/^bad_data: /, "")}` });
        else throw error;
      }
    }
    return problems.filter((problem, index) => problems.findIndex((other) => other.field === problem.field) === index);
  },

  async retentionMinutes(connection) {
    try {
      const info = await call(connection, "status/runtimeinfo", runtimeInfoData);
      return info.storageRetention ? retentionToMinutes(info.storageRetention) : null;
    } catch (error) {
      // Thanos, Mimir and VictoriaMetrics do not serve runtimeinfo (404 or an error answer): unknown, not a failure.
      if (error instanceof SourceError && !/^Could not reach/.test(error.message)) return null;
      throw error;
    }
  },

  async fetchSamples(connection, sli, range) {
    const queries = sliRangeQueries(sli);
    const parameters = rangeParameters(range);
    // Both at once, on the same minutes; each answers at most one series (a sum without `by`).
    const [good, total] = await Promise.all([
      call(connection, "query_range", matrixData, { query: queries.good, ...parameters }),
      call(connection, "query_range", matrixData, { query: queries.total, ...parameters }),
    ]);
    const labelled = (result: typeof good.result, sli: "good" | "total") => result.map((series) => ({ ...series, metric: { ...series.metric, sli } }));
    return { samples: matrixToMinuteSamples([...labelled(good.result, "good"), ...labelled(total.result, "total")], range) };
  },
};

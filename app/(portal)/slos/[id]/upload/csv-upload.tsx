"use client";
// CSV upload: the file is read and checked in the browser with the API's own rules (lib/slo/samples.ts), the
// preview shows exactly what will be stored (minutes, not raw times), and confirming posts it to the same
// endpoint exporters use, which checks everything again.
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { CircleAlert, FileUp } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { TBody, TD, TH, THead, TR, Table, TableCaption } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import { parseSamplesCsv } from "@/lib/slo/csv";
import type { MinuteSample } from "@/lib/slo/math";
import { formatCount } from "@/lib/slo/present";
import { sloKeys } from "@/lib/slo/query-keys";
import { MAX_SAMPLES_PER_BATCH, validateSamples } from "@/lib/slo/samples";

type Preview =
  | { kind: "problems"; fileName: string; problems: { line: number; message: string }[]; rows: number }
  | { kind: "ready"; fileName: string; samples: MinuteSample[]; rows: unknown[] };

const MAX_SHOWN_PROBLEMS = 50;

function minuteIso(minute: number) {
  return new Date(minute * 60_000).toISOString();
}

export function CsvUpload({ slo }: { slo: { id: string; name: string; windowDays: number; teamSlug: string; serviceId: string } }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const inputId = useId();
  const [preview, setPreview] = useState<Preview | undefined>();
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string | undefined>();

  async function read(file: File) {
    setServerError(undefined);
    const text = await file.text();
    const parsed = parseSamplesCsv(text);
    if (parsed.errors.length) {
      setPreview({ kind: "problems", fileName: file.name, problems: parsed.errors, rows: parsed.rows.length });
      return;
    }
    if (parsed.rows.length > MAX_SAMPLES_PER_BATCH) {
      setPreview({ kind: "problems", fileName: file.name, rows: parsed.rows.length, problems: [{ line: 1, message: `The file has ${formatCount(parsed.rows.length)} samples; upload at most ${formatCount(MAX_SAMPLES_PER_BATCH)} at a time (split the file).` }] });
      return;
    }
    const result = validateSamples(parsed.rows, { nowMs: Date.now(), windowDays: slo.windowDays });
    if (!result.ok) {
      setPreview({
        kind: "problems",
        fileName: file.name,
        rows: parsed.rows.length,
        problems: result.issues.map((issue) => ({ line: parsed.lines[issue.path[0]], message: issue.message })),
      });
      return;
    }
    setPreview({ kind: "ready", fileName: file.name, samples: result.samples, rows: parsed.rows });
  }

  async function store() {
    if (preview?.kind !== "ready") return;
    setSending(true);
    setServerError(undefined);
    try {
      const response = await fetch(`/api/v1/slos/${slo.id}/samples`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(preview.rows) });
      const body = await response.json().catch(() => undefined);
      if (!response.ok) {
        const issues: { path: number[]; message: string }[] = body?.error?.issues ?? [];
        setServerError(`${body?.error?.message ?? `The portal answered ${response.status}`}${issues.length ? `: ${issues.slice(0, 5).map((issue) => `row ${issue.path[0] + 1}: ${issue.message}`).join("; ")}` : ""}`);
        return;
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sloKeys.detail(slo.id) }),
        queryClient.invalidateQueries({ queryKey: sloKeys.seriesOf(slo.id) }),
        queryClient.invalidateQueries({ queryKey: sloKeys.team(slo.teamSlug) }),
        queryClient.invalidateQueries({ queryKey: sloKeys.service(slo.serviceId) }),
      ]);
      toast({ title: `Stored ${formatCount(body.stored)} minutes`, description: `${slo.name} now includes ${preview.fileName}.`, tone: "healthy" });
      router.push(`/slos/${slo.id}`);
      router.refresh();
    } catch {
      setServerError("The upload did not reach the portal. Check your connection and try again.");
    } finally {
      setSending(false);
    }
  }

  const ready = preview?.kind === "ready" ? preview : undefined;
  const totals = ready ? ready.samples.reduce((sum, sample) => ({ good: sum.good + sample.good, total: sum.total + sample.total }), { good: 0, total: 0 }) : undefined;
  const sorted = ready ? [...ready.samples].sort((a, b) => a.minute - b.minute) : [];
  const shown = sorted.length > 15 ? [...sorted.slice(0, 10), undefined, ...sorted.slice(-5)] : sorted;

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Choose a CSV file</CardTitle>
          <CardDescription>
            A header row naming <code className="font-mono">timestamp</code>, <code className="font-mono">good</code> and <code className="font-mono">total</code> (any order), then one row per
            minute. Times are ISO 8601 with a zone (<code className="font-mono">2026-11-29T10:41:00Z</code>) or Unix seconds, at most 5 minutes ahead and within the last {slo.windowDays} days;
            counts are whole numbers with good ≤ total. Up to {formatCount(MAX_SAMPLES_PER_BATCH)} rows per file.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <label htmlFor={inputId} className="flex cursor-pointer flex-col items-center gap-3 rounded-md border-2 border-dashed border-border-strong p-8 text-center hover:bg-surface-muted has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus">
            <FileUp aria-hidden="true" className="size-8 text-fg-muted" />
            <span className="text-lg font-medium">{preview ? `Chosen: ${preview.fileName}. Choose another file` : "Choose a file"}</span>
            <span className="text-fg-muted">Nothing is stored until you confirm.</span>
            <input
              id={inputId}
              type="file"
              accept=".csv,text/csv,text/plain"
              className="sr-only"
              aria-label="CSV file of samples"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void read(file);
              }}
            />
          </label>
        </CardContent>
      </Card>

      {preview?.kind === "problems" && (
        <section role="alert" aria-label="Problems in the file" className="flex flex-col gap-3 rounded-md border border-critical/40 bg-critical-soft p-5 text-critical-fg" data-testid="csv-problems">
          <h2 className="flex items-center gap-2 text-xl font-semibold text-critical-fg">
            <CircleAlert aria-hidden="true" className="size-5" /> {preview.fileName} cannot be stored: {preview.problems.length} {preview.problems.length === 1 ? "problem" : "problems"}
          </h2>
          <p>Nothing was stored. Fix these lines and choose the file again.</p>
          <ul className="flex flex-col gap-1">
            {preview.problems.slice(0, MAX_SHOWN_PROBLEMS).map((problem, index) => (
              <li key={index}>
                <span className="font-semibold">Line {problem.line}:</span> {problem.message}
              </li>
            ))}
          </ul>
          {preview.problems.length > MAX_SHOWN_PROBLEMS && <p>…and {preview.problems.length - MAX_SHOWN_PROBLEMS} more.</p>}
        </section>
      )}

      {ready && totals && (
        <Card data-testid="csv-preview">
          <CardHeader>
            <CardTitle>Preview: what will be stored</CardTitle>
            <CardDescription>Times are cut to the minute. Minutes that already have data are replaced, not added to.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
              <Stat label="Minutes" value={formatCount(ready.samples.length)} />
              <Stat label="From" value={<span className="text-2xl">{formatDateTime(minuteIso(sorted[0].minute))}</span>} />
              <Stat label="To" value={<span className="text-2xl">{formatDateTime(minuteIso(sorted[sorted.length - 1].minute))}</span>} />
              <Stat label="Good / total" value={<span className="text-2xl">{totals.total ? `${((totals.good / totals.total) * 100).toFixed(3)} %` : "No events"}</span>} hint={`${formatCount(totals.good)} of ${formatCount(totals.total)} events`} />
            </div>
            <Table>
              <TableCaption className="sr-only">Samples to store</TableCaption>
              <THead>
                <TR>
                  <TH>Minute (UTC)</TH>
                  <TH numeric>Good</TH>
                  <TH numeric>Total</TH>
                  <TH numeric>Good share</TH>
                </TR>
              </THead>
              <TBody>
                {shown.map((sample, index) =>
                  sample ? (
                    <TR key={sample.minute}>
                      <TD className="font-mono">{minuteIso(sample.minute).slice(0, 16).replace("T", " ")}</TD>
                      <TD numeric>{formatCount(sample.good)}</TD>
                      <TD numeric>{formatCount(sample.total)}</TD>
                      <TD numeric>{sample.total ? `${((sample.good / sample.total) * 100).toFixed(2)} %` : "—"}</TD>
                    </TR>
                  ) : (
                    <TR key={`gap-${index}`}>
                      <TD colSpan={4} className="text-center text-fg-muted">
                        … {formatCount(sorted.length - 15)} more minutes …
                      </TD>
                    </TR>
                  ),
                )}
              </TBody>
            </Table>
            {serverError && (
              <p role="alert" className="flex items-start gap-2 rounded-md bg-critical-soft p-3 text-critical-fg">
                <CircleAlert aria-hidden="true" className="mt-1 size-4 shrink-0" /> {serverError}
              </p>
            )}
            <div className="flex gap-3">
              <Button onClick={store} loading={sending}>
                Store {formatCount(ready.samples.length)} minutes
              </Button>
              <Button variant="ghost" onClick={() => setPreview(undefined)} disabled={sending}>
                Cancel
              </Button>
            </div>
          </CardContent>
        </Card>
      )}
    </div>
  );
}

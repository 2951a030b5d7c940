"use client";
// A source SLO's pull on its page: the backfill's progress (refreshing itself until done), "current", or
// "no data since …" with the source's error. What the server computed (lib/slo/source-status.ts) is shown
// as it is; while a backfill runs the page is refreshed every few seconds.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatRelative } from "@/lib/format";
import type { SourceStatus } from "@/lib/slo/source-status";

const dateTime = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace("T", " ") + " UTC";

export function SourceStatusCard({ source, status }: { source: { name: string }; status: SourceStatus | null }) {
  const router = useRouter();
  const waiting = !status || status.state === "backfilling";
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => router.refresh(), 5_000);
    return () => clearInterval(timer);
  }, [waiting, router]);
  const percent = Math.floor((status?.progress ?? 0) * 100);
  return (
    <Card className="mb-6" data-testid="slo-source-status">
      <CardHeader className="flex flex-col gap-2 md:flex-row md:items-center md:justify-between">
        <CardTitle as="h2">SLI from {source.name}</CardTitle>
        {status?.state === "failing" ? <Badge tone="critical">Source failing</Badge> : status?.state === "current" ? <Badge tone="healthy">Current</Badge> : <Badge tone="info">Backfilling</Badge>}
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-base">
        {status?.state === "failing" && (
          <p role="alert" className="text-critical-fg">
            <strong>No data since {status.noDataSince ? dateTime(status.noDataSince) : "the SLO was created"}</strong>: {status.error}
            {status.errorAt && <span className="text-fg-muted"> (last attempt {formatRelative(status.errorAt)})</span>}
          </p>
        )}
        {status && status.progress < 1 && (
          <div className="flex flex-col gap-1">
            <label htmlFor="slo-backfill-progress">Backfill of the window: {percent} %</label>
            <progress id="slo-backfill-progress" max={100} value={percent} className="h-3 w-full max-w-xl accent-(--accent)" />
          </div>
        )}
        {!status && <p>Waiting for the worker to start the backfill (within a minute).</p>}
        <p className="text-fg-muted">
          The portal queries <code className="font-mono">increase(…[1m])</code> every minute at a 60-second step; a minute without a series is a gap, not zero.
          {status?.lastSuccessAt && ` Last pulled ${formatRelative(status.lastSuccessAt)}.`} Manage the source under{" "}
          <Link href="/settings/data-sources" className="link">
            Settings → Data sources
          </Link>
          .
        </p>
      </CardContent>
    </Card>
  );
}

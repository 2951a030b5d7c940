"use client";
// The team's data sources, each with its URL, sign-in, the last test and (maintainers and owners) Test,
// Edit and Delete. Test shows every check: the `up` query and the server's version.
import { useRouter } from "next/navigation";
import { CheckCircle2, Database, Pencil, PlugZap, Trash2, XCircle } from "lucide-react";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog, Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { formatRelative } from "@/lib/format";
import type { DataSourceView } from "@/lib/slo/data-sources.server";
import type { SourceTestReport } from "@/lib/slo/sli-source";
import { deleteDataSourceAction, testDataSourceAction, updateDataSourceAction } from "../actions";
import { DataSourceForm } from "./data-source-form";

function TestDataSource({ source }: { source: DataSourceView }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [report, setReport] = useState<SourceTestReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          variant="secondary"
          loading={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await testDataSourceAction(source.id);
              if (result.ok) {
                setReport(result.data);
                setError(null);
              } else setError(result.message);
              router.refresh();
            })
          }
        >
          {!pending && <PlugZap aria-hidden="true" />} Test
        </Button>
      </div>
      <div aria-live="polite">
        {error && <p className="text-critical-fg">{error}</p>}
        {report && (
          <ul className="flex flex-col gap-1" aria-label={`Test of ${source.name}`} data-testid="data-source-report">
            {report.checks.map((check) => (
              <li key={check.name} className="flex items-start gap-2">
                {check.ok ? <CheckCircle2 aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-healthy" /> : <XCircle aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-critical" />}
                <span>
                  <span className="font-semibold">
                    {check.name}: {check.ok ? "passed" : "failed"}
                  </span>{" "}
                  <span className="break-words text-fg-muted">— {check.detail}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function EditDataSource({ source }: { source: DataSourceView }) {
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Pencil aria-hidden="true" /> Edit
        </Button>
      </DialogTrigger>
      <DialogContent title={`Edit “${source.name}”`} size="lg">
        <DataSourceForm
          idPrefix={`edit-${source.id}`}
          existing={source}
          submitLabel="Save"
          onSubmit={(input) => updateDataSourceAction(source.id, input as never)}
          onSaved={(saved) => {
            setOpen(false);
            toast({ title: `Saved “${saved.name}”`, tone: "healthy" });
            router.refresh();
          }}
          footer={(pending) => <DialogFormFooter pending={pending} submitLabel="Save" />}
        />
      </DialogContent>
    </Dialog>
  );
}

const signIn = (source: DataSourceView) =>
  source.auth.kind === "NONE" ? "None" : `${source.auth.kind === "BEARER" ? "Bearer token" : `User ${source.auth.username}`}${source.auth.hasSecret ? " (stored encrypted)" : ""}`;

export function DataSourcesList({ dataSources, canManage }: { dataSources: DataSourceView[]; canManage: boolean }) {
  const router = useRouter();
  const { toast } = useToast();
  if (dataSources.length === 0) {
    return (
      <EmptyState
        icon={<Database />}
        title="No data sources yet"
        description={canManage ? "Add your Prometheus above; an SLO can then read its SLI from it instead of having samples pushed." : "Ask a maintainer or owner of the team to add one."}
      />
    );
  }
  return (
    <ul className="flex flex-col gap-4" aria-label="Data sources">
      {dataSources.map((source) => (
        <li key={source.id}>
          <Card data-testid={`data-source-${source.id}`}>
            <CardHeader className="flex flex-col gap-2 md:flex-row md:items-start md:justify-between">
              <CardTitle as="h3" className="flex items-center gap-2 text-xl">
                <Database aria-hidden="true" className="size-5" /> {source.name}
              </CardTitle>
              {source.lastCheckedAt && (
                <Badge tone={source.lastCheckOk ? "healthy" : "critical"}>
                  {source.lastCheckOk ? "Test passed" : "Test failed"} · {formatRelative(source.lastCheckedAt)}
                </Badge>
              )}
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <dl className="grid gap-x-6 gap-y-1 text-base md:grid-cols-[auto_minmax(0,1fr)]">
                <dt className="text-fg-muted">URL</dt>
                <dd className="font-mono break-all">{source.url}</dd>
                <dt className="text-fg-muted">Sign-in</dt>
                <dd>{signIn(source)}</dd>
                <dt className="text-fg-muted">TLS</dt>
                <dd>{source.tlsVerify ? "Certificate verified" : "Certificate not verified"}</dd>
                <dt className="text-fg-muted">Time limit</dt>
                <dd>{source.timeoutMs.toLocaleString("en")} ms</dd>
                <dt className="text-fg-muted">Version</dt>
                <dd>{source.serverVersion ?? "Not known yet (run Test)"}</dd>
                <dt className="text-fg-muted">SLOs</dt>
                <dd>{source.sloCount === 0 ? "None read from it yet" : `${source.sloCount} read their SLI from it`}</dd>
              </dl>
              {canManage && (
                <div className="flex flex-col gap-3">
                  <div className="flex flex-wrap gap-2">
                    <EditDataSource source={source} />
                    <ConfirmDialog
                      trigger={
                        <Button variant="danger">
                          <Trash2 aria-hidden="true" /> Delete
                        </Button>
                      }
                      title={`Delete “${source.name}”?`}
                      description="The portal forgets the data source and its credentials. A data source that SLOs read from cannot be deleted."
                      confirmLabel="Delete data source"
                      onConfirm={async () => {
                        const result = await deleteDataSourceAction(source.id);
                        if (!result.ok) throw new Error(result.message);
                        toast({ title: `Deleted “${source.name}”`, tone: "healthy" });
                        router.refresh();
                      }}
                    />
                  </div>
                  <TestDataSource source={source} />
                </div>
              )}
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}

"use client";
// The team's repositories, each with its settings, how merged/closed reach the portal, the last connection
// test, and (maintainers and owners) Test connection, Edit and Delete. Test connection shows every check.
import { useRouter } from "next/navigation";
import { CheckCircle2, FolderGit2, Pencil, PlugZap, Trash2, XCircle } from "lucide-react";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog, Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { formatRelative } from "@/lib/format";
import type { ConnectionReport } from "@/lib/artifacts/publisher";
import type { RepositoryView } from "@/lib/artifacts/repositories.server";
import { providerLabels } from "@/lib/artifacts/repository-schema";
import { deleteRepositoryAction, testRepositoryAction, updateRepositoryAction } from "../actions";
import { RepositoryForm } from "./repository-form";

const updates = { webhook: "from the provider's webhook", polling: "by polling the provider's API", none: "not tracked (no provider API)" } as const;

function TestConnection({ repository }: { repository: RepositoryView }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          variant="secondary"
          loading={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await testRepositoryAction(repository.id);
              if (result.ok) {
                setReport(result.data);
                setError(null);
              } else setError(result.message);
              router.refresh();
            })
          }
        >
          {!pending && <PlugZap aria-hidden="true" />} Test connection
        </Button>
      </div>
      <div aria-live="polite">
        {error && <p className="text-critical-fg">{error}</p>}
        {report && (
          <ul className="flex flex-col gap-1" aria-label={`Connection test of ${repository.name}`} data-testid="connection-report">
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

function EditRepository({ repository }: { repository: RepositoryView }) {
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
      <DialogContent title={`Edit “${repository.name}”`} size="lg">
        <RepositoryForm
          idPrefix={`edit-${repository.id}`}
          existing={repository}
          submitLabel="Save"
          onSubmit={(input) => updateRepositoryAction(repository.id, input as never)}
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

export function RepositoriesList({ repositories, canManage }: { repositories: RepositoryView[]; canManage: boolean }) {
  const router = useRouter();
  const { toast } = useToast();
  if (repositories.length === 0) {
    return (
      <EmptyState
        icon={<FolderGit2 />}
        title="No repositories yet"
        description={canManage ? "Add the repository where infrastructure lives above; approved requests can then be published to it as a branch and a pull request." : "Ask a maintainer or owner of the team to add one."}
      />
    );
  }
  return (
    <ul className="flex flex-col gap-4" aria-label="Repositories">
      {repositories.map((repository) => (
        <li key={repository.id}>
          <Card data-testid={`repository-${repository.id}`}>
            <CardHeader className="flex flex-col gap-2 md:flex-row md:items-start md:justify-between">
              <CardTitle as="h3" className="flex items-center gap-2 text-xl">
                <FolderGit2 aria-hidden="true" className="size-5" /> {repository.name}
              </CardTitle>
              {repository.lastCheckedAt && (
                <Badge tone={repository.lastCheckOk ? "healthy" : "critical"}>
                  {repository.lastCheckOk ? "Connection OK" : "Connection failed"} · {formatRelative(repository.lastCheckedAt)}
                </Badge>
              )}
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <dl className="grid gap-x-6 gap-y-1 text-base md:grid-cols-[auto_minmax(0,1fr)]">
                <dt className="text-fg-muted">Clone URL</dt>
                <dd className="font-mono break-all">{repository.cloneUrl}</dd>
                <dt className="text-fg-muted">Default branch</dt>
                <dd className="font-mono">{repository.defaultBranch}</dd>
                <dt className="text-fg-muted">Path template</dt>
                <dd className="font-mono break-all">{repository.pathTemplate}</dd>
                <dt className="text-fg-muted">Sign-in</dt>
                <dd>{repository.auth.kind === "NONE" ? "None" : `${repository.auth.kind === "TOKEN" ? "Token" : `User ${repository.auth.username}`}${repository.auth.hasSecret ? " (stored encrypted)" : ""}`}</dd>
                <dt className="text-fg-muted">Pull requests</dt>
                <dd>
                  {repository.provider === "NONE" ? "None: branches only" : `${providerLabels[repository.provider]} (${repository.apiUrl})`}; merged and closed {updates[repository.stateUpdates]}
                </dd>
                {repository.provider !== "NONE" && (
                  <>
                    <dt className="text-fg-muted">Webhook URL</dt>
                    <dd className="font-mono break-all">{repository.webhook.url}</dd>
                  </>
                )}
              </dl>
              {canManage && (
                <div className="flex flex-col gap-3">
                  <div className="flex flex-wrap gap-2">
                    <EditRepository repository={repository} />
                    <ConfirmDialog
                      trigger={
                        <Button variant="danger">
                          <Trash2 aria-hidden="true" /> Delete
                        </Button>
                      }
                      title={`Delete “${repository.name}”?`}
                      description="The portal forgets the repository, its credentials and its publications' records. Nothing in the repository itself changes: branches and pull requests stay."
                      confirmLabel="Delete repository"
                      onConfirm={async () => {
                        const result = await deleteRepositoryAction(repository.id);
                        if (!result.ok) throw new Error(result.message);
                        toast({ title: `Deleted “${repository.name}”`, tone: "healthy" });
                        router.refresh();
                      }}
                    />
                  </div>
                  <TestConnection repository={repository} />
                </div>
              )}
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}

"use client";
// The postmortem: generate the draft, edit the Markdown beside its preview, move it draft → in review →
// published, export it, and track its action items.
import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, FileText, Save } from "lucide-react";
import { IncidentStatusBadge, SeverityBadge } from "@/components/incidents/incident-badges";
import { MarkdownView } from "@/components/markdown/lazy";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { useToast } from "@/components/ui/toast";
import type { PostmortemStatus } from "@/lib/generated/prisma/browser";
import type { ActionItemJson, IncidentDetailJson, PersonJson, PostmortemJson } from "@/lib/incidents/api-schemas";
import { ActionFailure, unwrap } from "@/lib/forms/action-result";
import { fetchPostmortem } from "@/lib/incidents/live";
import { postmortemStatusLabels, withActionItemsSection } from "@/lib/incidents/postmortem";
import { incidentKeys } from "@/lib/incidents/query-keys";
import { personName } from "@/lib/incidents/serialize";
import { generatePostmortemAction, updatePostmortemAction } from "../actions";
import { ActionItems } from "./action-items";

export interface PostmortemViewProps {
  incident: IncidentDetailJson;
  postmortem: PostmortemJson | null;
  actionItems: ActionItemJson[];
  responders: PersonJson[];
  canEdit: boolean;
  canPublish: boolean;
}

const statusTone: Record<PostmortemStatus, "neutral" | "info" | "healthy"> = { DRAFT: "neutral", IN_REVIEW: "info", PUBLISHED: "healthy" };

export function PostmortemView({ incident, postmortem: initial, actionItems, responders, canEdit, canPublish }: PostmortemViewProps) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const key = incidentKeys.postmortem(incident.id);
  const query = useQuery({
    queryKey: key,
    queryFn: () => fetchPostmortem(incident.id),
    initialData: initial,
  });
  const postmortem = query.data;
  const generate = useMutation({
    mutationFn: async () => unwrap(await generatePostmortemAction(incident.id)),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      toast({ title: "Draft generated from the timeline", tone: "healthy" });
    },
    onError: (error) => toast({ title: "No draft generated", description: error.message, tone: "critical" }),
  });
  const resolved = incident.status === "RESOLVED" || incident.status === "CLOSED";
  const items = postmortem?.actionItems ?? actionItems;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/incidents/${incident.id}`} className="link">
            {incident.reference} {incident.title}
          </Link>
        }
        title={`Postmortem: ${incident.reference}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={incident.severity} size="lg" />
            <IncidentStatusBadge status={incident.status} size="lg" />
            {postmortem && (
              <Badge tone={statusTone[postmortem.status]} className="px-3 py-1 text-base" data-testid="postmortem-status">
                {postmortemStatusLabels[postmortem.status]}
              </Badge>
            )}
          </span>
        }
        actions={
          postmortem && (
            <a href={`/api/v1/incidents/${incident.id}/postmortem/export`} download className={buttonVariants({ variant: "secondary" })}>
              <Download aria-hidden="true" /> Export Markdown
            </a>
          )
        }
      />
      {postmortem ? (
        <Editor incidentId={incident.id} postmortem={postmortem} items={items} canEdit={canEdit} canPublish={canPublish} />
      ) : (
        <EmptyState
          icon={<FileText />}
          title="No postmortem yet"
          description={
            !resolved
              ? "Resolve the incident first: the draft is generated from its finished timeline."
              : canEdit
                ? "Generate a draft from the incident: summary, impact, the pinned and key events, prompts for contributing factors and what went well or poorly, and the action items. Then edit it here."
                : "Nobody has written it yet. Members of the team can generate the draft."
          }
          action={
            resolved && canEdit ? (
              <Button size="lg" loading={generate.isPending} onClick={() => generate.mutate()}>
                <FileText aria-hidden="true" /> Generate the draft
              </Button>
            ) : undefined
          }
          className="mb-8"
        />
      )}
      <ActionItems incidentId={incident.id} items={items} responders={responders} canEdit={canEdit} hasPostmortem={postmortem !== null} />
    </>
  );
}

function Editor({ incidentId, postmortem, items, canEdit, canPublish }: { incidentId: string; postmortem: PostmortemJson; items: ActionItemJson[]; canEdit: boolean; canPublish: boolean }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const key = incidentKeys.postmortem(incidentId);
  const [markdown, setMarkdown] = useState(postmortem.markdown);
  const [base, setBase] = useState({ version: postmortem.version, markdown: postmortem.markdown });
  const [tab, setTab] = useState<"write" | "preview">("write");
  const dirty = markdown !== base.markdown;
  const editable = canEdit && postmortem.status !== "PUBLISHED";

  // Someone else's save (seen after a refetch) is taken over when there is nothing unsaved here.
  if (postmortem.version > base.version && !dirty) {
    setBase({ version: postmortem.version, markdown: postmortem.markdown });
    setMarkdown(postmortem.markdown);
  }

  const save = useMutation({
    mutationFn: async (input: { markdown?: string; status?: PostmortemStatus }) => unwrap(await updatePostmortemAction(incidentId, { version: base.version, ...input })),
    onSuccess: (data, input) => {
      setBase({ version: data.version, markdown: data.markdown });
      setMarkdown(data.markdown);
      queryClient.setQueryData(key, data);
      // The incident page shows the postmortem's status.
      void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId), exact: true });
      toast({ title: input.status ? `Postmortem ${postmortemStatusLabels[input.status].toLowerCase()}` : "Postmortem saved", tone: "healthy" });
    },
    onError: (error) => toast({ title: "Not saved", description: error.message, tone: "critical", duration: 10_000 }),
  });
  const conflict = save.error instanceof ActionFailure && save.error.conflict;

  function saveText() {
    if (dirty && editable) save.mutate({ markdown });
  }

  const preview = withActionItemsSection(markdown, items.map((item) => ({ title: item.title, ownerName: item.owner ? personName(item.owner) : null, dueDate: item.dueDate ? new Date(`${item.dueDate}T00:00:00Z`) : null, status: item.status })));

  return (
    <Card className="mb-8">
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-3">
        <div className="flex flex-col gap-1">
          <CardTitle>{editable ? "Write it up" : "The postmortem"}</CardTitle>
          <CardDescription>
            {postmortem.status === "PUBLISHED"
              ? `Published ${postmortem.publishedAt?.slice(0, 10) ?? ""}. It no longer changes; its action items are still tracked below.`
              : "Markdown. The preview shows the document as exported: the action items section always lists the tracked items."}
          </CardDescription>
        </div>
        {canEdit && (
          <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Postmortem status">
            {editable && (
              <Button onClick={saveText} disabled={!dirty} loading={save.isPending && save.variables?.markdown !== undefined}>
                <Save aria-hidden="true" /> {dirty ? "Save" : "Saved"}
              </Button>
            )}
            {postmortem.status === "DRAFT" && (
              <Button variant="secondary" disabled={dirty} title={dirty ? "Save first" : undefined} onClick={() => save.mutate({ status: "IN_REVIEW" })}>
                Send for review
              </Button>
            )}
            {postmortem.status === "IN_REVIEW" && (
              <>
                <Button variant="secondary" disabled={dirty} onClick={() => save.mutate({ status: "DRAFT" })}>
                  Back to draft
                </Button>
                {canPublish ? (
                  <ConfirmDialog
                    variant="primary"
                    trigger={<Button disabled={dirty}>Publish</Button>}
                    title="Publish the postmortem?"
                    description="Once published, the text can no longer change. Action items stay open for tracking."
                    confirmLabel="Publish"
                    onConfirm={async () => {
                      await save.mutateAsync({ status: "PUBLISHED" });
                    }}
                  />
                ) : (
                  <span className="text-sm text-fg-muted">A maintainer or owner publishes it after review.</span>
                )}
              </>
            )}
          </div>
        )}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {conflict && (
          <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-warning-soft p-3 text-warning-fg">
            <span>Someone saved the postmortem after you opened it. Copy your changes somewhere, then load their version.</span>
            <Button
              variant="secondary"
              size="sm"
              onClick={async () => {
                const latest = await queryClient.fetchQuery({ queryKey: key, queryFn: () => fetchPostmortem(incidentId), staleTime: 0 });
                if (!latest) return;
                setBase({ version: latest.version, markdown: latest.markdown });
                setMarkdown(latest.markdown);
                save.reset();
              }}
            >
              Load their version
            </Button>
          </div>
        )}
        {editable ? (
          <>
            <div role="tablist" aria-label="Editor view" className="flex gap-1 border-b border-border xl:hidden">
              {(["write", "preview"] as const).map((value) => (
                <button
                  key={value}
                  role="tab"
                  type="button"
                  aria-selected={tab === value}
                  onClick={() => setTab(value)}
                  className={cn("-mb-px min-h-10 cursor-pointer border-b-3 px-4 font-medium", tab === value ? "border-accent text-fg" : "border-transparent text-fg-muted")}
                >
                  {value === "write" ? "Write" : "Preview"}
                </button>
              ))}
            </div>
            <div className="grid gap-6 xl:grid-cols-2">
              <div className={cn(tab !== "write" && "hidden xl:block")}>
                <label htmlFor="postmortem-markdown" className="mb-1.5 block text-sm font-medium text-fg-muted">
                  Markdown {dirty && <span className="font-semibold text-warning-fg">· unsaved changes (Ctrl+S saves)</span>}
                </label>
                <textarea
                  id="postmortem-markdown"
                  value={markdown}
                  onChange={(event) => setMarkdown(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === "s" && (event.ctrlKey || event.metaKey)) {
                      event.preventDefault();
                      saveText();
                    }
                  }}
                  spellCheck
                  className="h-[70vh] min-h-96 w-full resize-y rounded-md border border-border-strong bg-surface p-3 font-mono text-sm leading-6 text-fg"
                />
              </div>
              <section tabIndex={0} aria-label="Preview" className={cn("h-[70vh] min-h-96 overflow-y-auto rounded-md border border-border p-5", tab !== "preview" && "hidden xl:block")} data-testid="postmortem-preview">
                <MarkdownView markdown={preview} />
              </section>
            </div>
          </>
        ) : (
          <section aria-label="Postmortem" data-testid="postmortem-preview">
            <MarkdownView markdown={preview} className="max-w-4xl" />
          </section>
        )}
      </CardContent>
    </Card>
  );
}

"use client";
// One architecture decision: its three Markdown sections, where it came from (request and revision), its
// supersession links, MADR export, and for the team: editing the text (members) and the status
// (maintainers and owners; superseding picks the decision that replaces it).
import { useMutation } from "@tanstack/react-query";
import { ArrowLeft, Download, Pencil, Stamp } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDate, formatDateTime } from "@/lib/format";
import { ApiError } from "@/lib/api/client";
import { reviewsApi } from "@/lib/reviews/api-client";
import { decisionStatusLabels, decisionStatuses, type DecisionStatus, type DecisionView, type UpdateDecisionInput } from "@/lib/reviews/schema";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { Markdown } from "@/components/markdown/lazy";
import { DecisionStatusBadge } from "@/components/reviews/decision-status-badge";
import { ErrorAlert } from "@/components/ui/error-alert";

const personName = (person: { name: string | null; email: string } | null) => (person ? (person.name ?? person.email) : "A former member");

interface Other {
  id: string;
  reference: string;
  title: string;
  status: DecisionStatus;
}

export function DecisionPage({ initialDecision, others }: { initialDecision: DecisionView; others: Other[] }) {
  const [decision, setDecision] = useState(initialDecision);
  const [dialog, setDialog] = useState<"edit" | "status" | null>(null);

  return (
    <>
      <header className="mb-6 flex flex-col gap-4">
        <Link href="/decisions" className="inline-flex items-center gap-1 text-sm text-fg-muted">
          <ArrowLeft aria-hidden="true" className="size-4" /> Decisions
        </Link>
        <div className="flex flex-col gap-4 xl:flex-row xl:items-start xl:justify-between">
          <div className="flex min-w-0 flex-col gap-2">
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-mono text-lg font-semibold" data-testid="decision-reference">
                {decision.reference}
              </span>
              <DecisionStatusBadge status={decision.status} className="text-base" />
              <span className="text-base text-fg-muted">{decision.team.name}</span>
            </div>
            <h1 className="text-3xl font-bold tracking-tight break-words">{decision.title}</h1>
            <p className="text-base text-fg-muted">
              Recorded by {personName(decision.author)}{" "}
              <time dateTime={decision.createdAt} title={formatDateTime(decision.createdAt)}>
                on {formatDate(decision.createdAt)}
              </time>
              {decision.decidedAt && (
                <>
                  {" "}
                  · {decision.status === "REJECTED" ? "rejected" : "decided"} on {formatDate(decision.decidedAt)}
                </>
              )}
              {decision.request && (
                <>
                  {" "}
                  · on{" "}
                  <Link href={`/requests/${decision.request.id}`} className="text-link underline underline-offset-4">{decision.request.title || "an untitled request"}</Link> ({decision.request.role.title}
                  {decision.revision ? `, revision ${decision.revision}` : ""})
                </>
              )}
            </p>
          </div>
          <div className="flex shrink-0 flex-wrap gap-2">
            <a href={`/api/v1/decisions/${decision.id}/madr`} download className={buttonVariants({ variant: "secondary" })}>
              <Download aria-hidden="true" /> Export MADR
            </a>
            {decision.permissions.canEdit && (
              <Button variant="secondary" onClick={() => setDialog("edit")}>
                <Pencil aria-hidden="true" /> Edit
              </Button>
            )}
            {decision.permissions.canDecide && (
              <Button onClick={() => setDialog("status")}>
                <Stamp aria-hidden="true" /> Change status
              </Button>
            )}
          </div>
        </div>
        {decision.supersededBy && (
          <p role="note" className="rounded-md border border-warning bg-warning-soft/60 p-4 text-base text-warning-fg">
            Superseded by{" "}
            <Link href={`/decisions/${decision.supersededBy.id}`} className="font-semibold">
              {decision.supersededBy.reference}: {decision.supersededBy.title}
            </Link>
            .
          </p>
        )}
        {decision.supersedes.length > 0 && (
          <p className="text-base text-fg-muted">
            Supersedes{" "}
            {decision.supersedes.map((earlier, index) => (
              <span key={earlier.id}>
                {index > 0 && ", "}
                <Link href={`/decisions/${earlier.id}`}>
                  {earlier.reference}: {earlier.title}
                </Link>
              </span>
            ))}
            .
          </p>
        )}
      </header>

      <div className="flex flex-col gap-4">
        <Section title="Context and problem">{decision.context}</Section>
        <Section title="Decision">{decision.decision}</Section>
        <Section title="Consequences">{decision.consequences}</Section>
      </div>

      {dialog === "edit" && <EditDialog decision={decision} onDone={setDecision} onClose={() => setDialog(null)} />}
      {dialog === "status" && <StatusDialog decision={decision} others={others} onDone={setDecision} onClose={() => setDialog(null)} />}
    </>
  );
}

function Section({ title, children }: { title: string; children: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <Markdown>{children}</Markdown>
      </CardContent>
    </Card>
  );
}

/** Runs a PATCH and maps its issues to field errors; a 409 says to reload. */
function useDecisionUpdate(decision: DecisionView, onDone: (next: DecisionView) => void, onClose: () => void, done: string) {
  const router = useRouter();
  const { toast } = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (body: Omit<UpdateDecisionInput, "version">) => reviewsApi.updateDecision(decision.id, { ...body, version: decision.version }),
    onSuccess: (next) => {
      onDone(next);
      toast({ title: done, description: `${next.reference}: ${next.title}`, tone: "healthy" });
      router.refresh();
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        const next: Record<string, string> = {};
        for (const issue of error.issues) next[String(issue.path[0] ?? "_")] ??= issue.message;
        setErrors(next);
      }
    },
  });
  const shown = Object.keys(errors).some((key) => key !== "_");
  const message = mutation.error && !shown ? mutation.error.message : undefined;
  return { mutation, errors, setErrors, message };
}


function EditDialog({ decision, onDone, onClose }: { decision: DecisionView; onDone: (next: DecisionView) => void; onClose: () => void }) {
  const [values, setValues] = useState({ title: decision.title, context: decision.context, decision: decision.decision, consequences: decision.consequences });
  const { mutation, errors, setErrors, message } = useDecisionUpdate(decision, onDone, onClose, "Decision saved");
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setErrors((current) => ({ ...current, [field]: "" }));
  };
  return (
    <Dialog open onOpenChange={(next) => !next && !mutation.isPending && onClose()}>
      <DialogContent size="lg" title={`Edit ${decision.reference}`} description="The sections take Markdown. The number and the request stay.">
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate(values);
          }}
        >
          <Field id="edit-title" label="Title" error={errors.title} required>
            <Input value={values.title} onChange={set("title")} maxLength={200} />
          </Field>
          <Field id="edit-context" label="Context and problem" error={errors.context} required>
            <Textarea value={values.context} onChange={set("context")} rows={4} />
          </Field>
          <Field id="edit-decision" label="Decision" error={errors.decision} required>
            <Textarea value={values.decision} onChange={set("decision")} rows={4} />
          </Field>
          <Field id="edit-consequences" label="Consequences" error={errors.consequences} required>
            <Textarea value={values.consequences} onChange={set("consequences")} rows={4} />
          </Field>
          <ErrorAlert message={message} />
          <DialogFormFooter pending={mutation.isPending} submitLabel="Save" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

function StatusDialog({ decision, others, onDone, onClose }: { decision: DecisionView; others: Other[]; onDone: (next: DecisionView) => void; onClose: () => void }) {
  const [status, setStatus] = useState<DecisionStatus>(decision.status);
  const [successor, setSuccessor] = useState(decision.supersededBy?.id ?? "");
  const { mutation, errors, setErrors, message } = useDecisionUpdate(decision, onDone, onClose, "Status changed");
  const candidates = others.filter((other) => other.status !== "SUPERSEDED" || other.id === successor);
  return (
    <Dialog open onOpenChange={(next) => !next && !mutation.isPending && onClose()}>
      <DialogContent title={`Status of ${decision.reference}`} description="Accepting or rejecting records today's date. Superseding names the decision that replaces this one.">
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate(status === "SUPERSEDED" ? { status, supersededById: successor || undefined } : { status });
          }}
        >
          <Field id="decision-new-status" label="Status" error={errors.status}>
            <Select
              value={status}
              onChange={(event) => {
                setStatus(event.target.value as DecisionStatus);
                setErrors({});
              }}
            >
              {decisionStatuses.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {decisionStatusLabels[candidate]}
                </option>
              ))}
            </Select>
          </Field>
          {status === "SUPERSEDED" && (
            <Field
              id="decision-successor"
              label="Superseded by"
              error={errors.supersededById}
              required
              help={candidates.length ? undefined : "Record the decision that replaces this one first."}
            >
              <Select value={successor} onChange={(event) => setSuccessor(event.target.value)} placeholder="Pick a decision">
                {candidates.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.reference}: {other.title}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <ErrorAlert message={message} />
          <DialogFormFooter pending={mutation.isPending} submitLabel="Save status" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

"use client";
// "Record decision": a dialog with the decision's title, status and its three Markdown sections. Used on
// a request's page (the decision belongs to the request's current revision) and on the decisions index.
import { useMutation } from "@tanstack/react-query";
import { NotebookPen } from "lucide-react";
import { useState } from "react";
import { ApiError } from "@/lib/api/client";
import { reviewsApi } from "@/lib/reviews/api-client";
import { decisionStatusLabels, type DecisionView } from "@/lib/reviews/schema";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { ErrorAlert } from "@/components/ui/error-alert";

type Fields = "title" | "status" | "context" | "decision" | "consequences";

export function RecordDecisionDialog({
  teamSlug,
  request,
  canDecide,
  onRecorded,
}: {
  teamSlug: string;
  request?: { id: string; revision: number };
  canDecide: boolean;
  onRecorded?: (decision: DecisionView) => void;
}) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<Fields, string>>({ title: "", status: "PROPOSED", context: "", decision: "", consequences: "" });
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const { toast } = useToast();
  const mutation = useMutation({
    mutationFn: () =>
      reviewsApi.createDecision(teamSlug, {
        ...(request ? { requestId: request.id, revision: request.revision } : {}),
        title: values.title,
        status: values.status as "PROPOSED" | "ACCEPTED",
        context: values.context,
        decision: values.decision,
        consequences: values.consequences,
      }),
    onSuccess: (decision) => {
      toast({ title: `${decision.reference} recorded`, description: decision.title, tone: "healthy" });
      setOpen(false);
      setValues({ title: "", status: "PROPOSED", context: "", decision: "", consequences: "" });
      onRecorded?.(decision);
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        const next: Partial<Record<Fields, string>> = {};
        for (const issue of error.issues) {
          const key = issue.path[0];
          if (typeof key === "string" && key in values) next[key as Fields] ??= issue.message;
        }
        setErrors(next);
      }
    },
  });
  const set = (field: Fields) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };
  const fieldErrorShown = Object.values(errors).some(Boolean);
  const error = mutation.error && !fieldErrorShown ? mutation.error.message : undefined;

  return (
    <Dialog open={open} onOpenChange={(next) => !mutation.isPending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <NotebookPen aria-hidden="true" /> Record decision
        </Button>
      </DialogTrigger>
      <DialogContent
        size="lg"
        title="Record a decision"
        description={
          request
            ? `An architecture decision taken on revision ${request.revision} of this request. It gets the team's next number; the sections take Markdown.`
            : "An architecture decision of the team. It gets the team's next number; the sections take Markdown."
        }
      >
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate();
          }}
        >
          <Field id="decision-title" label="Title" error={errors.title} required help="What was decided, in a few words.">
            <Input value={values.title} onChange={set("title")} maxLength={200} autoFocus />
          </Field>
          <Field id="decision-status" label="Status" error={errors.status} help={canDecide ? undefined : "Maintainers and owners accept decisions; yours starts as proposed."}>
            <Select value={values.status} onChange={set("status")} disabled={!canDecide}>
              <option value="PROPOSED">{decisionStatusLabels.PROPOSED}</option>
              {canDecide && <option value="ACCEPTED">{decisionStatusLabels.ACCEPTED}</option>}
              {canDecide && <option value="REJECTED">{decisionStatusLabels.REJECTED}</option>}
            </Select>
          </Field>
          <Field id="decision-context" label="Context and problem" error={errors.context} required>
            <Textarea value={values.context} onChange={set("context")} rows={3} />
          </Field>
          <Field id="decision-decision" label="Decision" error={errors.decision} required>
            <Textarea value={values.decision} onChange={set("decision")} rows={3} />
          </Field>
          <Field id="decision-consequences" label="Consequences" error={errors.consequences} required>
            <Textarea value={values.consequences} onChange={set("consequences")} rows={3} />
          </Field>
          <ErrorAlert message={error} />
          <DialogFormFooter pending={mutation.isPending} submitLabel="Record decision" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

"use client";
// Capturing without leaving meeting mode: a side drawer with a decision record, an action item, an approval
// (or a change request) and the item's notes. Typing here never moves the slides: meeting mode ignores keys
// aimed at form controls and while this drawer is open.
import { useState, useTransition, type FormEvent } from "react";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/forms/action-result";
import type { AgendaItemView, MeetingActionView, Person } from "@/lib/reviews/meetings-schema";
import type { PresentationSlide } from "@/lib/reviews/presentation.server";
import { addActionItemAction, recordApprovalAction, recordDecisionAction, saveNotesAction } from "../actions";

export type CaptureTab = "decision" | "action" | "approval" | "notes";

export interface CaptureDrawerProps {
  open: boolean;
  tab: CaptureTab;
  onTabChange: (tab: CaptureTab) => void;
  onOpenChange: (open: boolean) => void;
  meetingId: string;
  item: AgendaItemView;
  slide: PresentationSlide;
  members: Person[];
  currentUserId: string | null;
  /** The item's timer, so it stays in view while the drawer covers the slide's corner. */
  status?: string;
  statusLevel?: "ok" | "near" | "over";
  onSlideChange: (slide: PresentationSlide) => void;
  onNotesSaved: (notes: string) => void;
  onActionAdded: (action: MeetingActionView) => void;
}

/** Runs an action, shows its errors per field, and reports success with a toast. */
function useSubmit() {
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  function run<T>(work: () => Promise<ActionResult<T>>, success: (data: T) => string, after: (data: T) => void) {
    setErrors({});
    startTransition(async () => {
      const result = await work();
      if (!result.ok) {
        setErrors({ _form: result.message, ...(result.fieldErrors ?? {}) });
        return;
      }
      toast({ title: success(result.data), tone: "healthy" });
      after(result.data);
    });
  }
  return { pending, errors, run };
}

function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-critical/40 bg-critical-soft p-3 text-lg text-critical-fg">
      {message}
    </p>
  );
}

export function CaptureDrawer(props: CaptureDrawerProps) {
  const { open, onOpenChange, tab, onTabChange, item, status, statusLevel } = props;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Record"
        description={item.request.title}
        // A drawer on the right: the slide stays in view on the left.
        className="top-0 right-0 left-auto h-dvh max-h-dvh w-[min(44rem,100vw)] max-w-none translate-x-0 translate-y-0 rounded-none border-y-0 border-r-0 p-8 text-lg [&_label]:text-lg"
        data-testid="capture-drawer"
      >
        {status && (
          <p
            className={
              statusLevel === "over"
                ? "rounded-md border-2 border-critical bg-critical-soft px-3 py-1 text-lg font-semibold text-critical-fg tabular-nums"
                : statusLevel === "near"
                  ? "rounded-md border-2 border-warning bg-warning-soft px-3 py-1 text-lg font-semibold text-warning-fg tabular-nums"
                  : "rounded-md border-2 border-border-strong px-3 py-1 text-lg font-semibold tabular-nums"
            }
          >
            {status}
          </p>
        )}
        <Tabs value={tab} onValueChange={(value) => onTabChange(value as CaptureTab)}>
          <TabsList aria-label="What to record">
            <TabsTrigger value="decision" className="text-lg">Decision (D)</TabsTrigger>
            <TabsTrigger value="approval" className="text-lg">Approval (P)</TabsTrigger>
            <TabsTrigger value="action" className="text-lg">Action item (A)</TabsTrigger>
            <TabsTrigger value="notes" className="text-lg">Notes (N)</TabsTrigger>
          </TabsList>
          <TabsContent value="decision">
            <DecisionForm {...props} />
          </TabsContent>
          <TabsContent value="approval">
            <ApprovalForm {...props} />
          </TabsContent>
          <TabsContent value="action">
            <ActionForm {...props} />
          </TabsContent>
          <TabsContent value="notes">
            <NotesForm {...props} />
          </TabsContent>
        </Tabs>
      </DialogContent>
    </Dialog>
  );
}

function DecisionForm({ meetingId, item, onOpenChange }: CaptureDrawerProps) {
  const { pending, errors, run } = useSubmit();
  const [title, setTitle] = useState("");
  const [status, setStatus] = useState("ACCEPTED");
  const [context, setContext] = useState(`Reviewed “${item.request.title}” (${item.request.role.title}, revision ${item.request.revision}).`);
  const [decision, setDecision] = useState("");
  const [consequences, setConsequences] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    run(
      () => recordDecisionAction(meetingId, item.id, { title, status: status as "ACCEPTED", context, decision, consequences }),
      (saved) => `${saved.reference} recorded: ${saved.title}`,
      () => {
        setTitle("");
        setDecision("");
        setConsequences("");
        onOpenChange(false);
      },
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-5" aria-label="Record a decision">
      <FormError message={errors._form} />
      <Field id="decision-title" label="Decision" required error={errors.title}>
        <Input value={title} onChange={(event) => setTitle(event.target.value)} className="h-12 text-lg" autoFocus placeholder="e.g. Use a transit gateway between the VPCs" />
      </Field>
      <Field id="decision-status" label="Status" error={errors.status} help="Accepting or rejecting needs a maintainer or owner.">
        <Select value={status} onChange={(event) => setStatus(event.target.value)} className="h-12 text-lg">
          <option value="ACCEPTED">Accepted</option>
          <option value="PROPOSED">Proposed</option>
          <option value="REJECTED">Rejected</option>
        </Select>
      </Field>
      <Field id="decision-context" label="Context" required error={errors.context}>
        <Textarea value={context} onChange={(event) => setContext(event.target.value)} rows={3} className="text-lg" />
      </Field>
      <Field id="decision-decision" label="What was decided, and why" required error={errors.decision}>
        <Textarea value={decision} onChange={(event) => setDecision(event.target.value)} rows={3} className="text-lg" />
      </Field>
      <Field id="decision-consequences" label="Consequences" required error={errors.consequences}>
        <Textarea value={consequences} onChange={(event) => setConsequences(event.target.value)} rows={3} className="text-lg" />
      </Field>
      <Button type="submit" size="lg" loading={pending}>
        Record decision
      </Button>
    </form>
  );
}

function ApprovalForm({ meetingId, item, slide, onSlideChange, onOpenChange }: CaptureDrawerProps) {
  const { pending, errors, run } = useSubmit();
  const [decision, setDecision] = useState<"APPROVE" | "REQUEST_CHANGES">("APPROVE");
  const [comment, setComment] = useState("");
  const { approvals } = slide;
  function submit(event: FormEvent) {
    event.preventDefault();
    run(
      () => recordApprovalAction(meetingId, item.id, { revision: approvals.revision, decision, comment: comment || undefined }),
      () => (decision === "APPROVE" ? `Approved revision ${approvals.revision}` : `Changes requested on revision ${approvals.revision}`),
      (next) => {
        onSlideChange(next);
        setComment("");
        onOpenChange(false);
      },
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-5" aria-label="Approve or request changes">
      <p className="text-lg">
        Revision {approvals.revision}: {approvals.met} of {approvals.needed} required approvals
        {approvals.required.length > 0 && ` (${approvals.required.map((rule) => `${rule.label} ${Math.min(rule.met, rule.count)}/${rule.count}`).join(", ")})`}.
      </p>
      {!approvals.canReview && approvals.reason && <p className="rounded-md border border-warning/50 bg-warning-soft p-3 text-lg text-warning-fg">{approvals.reason}</p>}
      <FormError message={errors._form} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-medium">Your answer</legend>
        {(
          [
            ["APPROVE", "Approve this revision"],
            ["REQUEST_CHANGES", "Request changes"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex cursor-pointer items-center gap-3 text-lg">
            <input type="radio" name="approval-decision" value={value} checked={decision === value} onChange={() => setDecision(value)} className="size-5 accent-accent" />
            {label}
          </label>
        ))}
      </fieldset>
      <Field id="approval-comment" label={decision === "REQUEST_CHANGES" ? "What needs to change" : "Comment (optional)"} required={decision === "REQUEST_CHANGES"} error={errors.comment}>
        <Textarea value={comment} onChange={(event) => setComment(event.target.value)} rows={4} className="text-lg" />
      </Field>
      <Button type="submit" size="lg" loading={pending} disabled={!approvals.canReview} variant={decision === "APPROVE" ? "primary" : "danger"}>
        {decision === "APPROVE" ? "Approve" : "Request changes"}
      </Button>
    </form>
  );
}

function ActionForm({ meetingId, item, members, currentUserId, onOpenChange, onActionAdded }: CaptureDrawerProps) {
  const { pending, errors, run } = useSubmit();
  const [text, setText] = useState("");
  const [ownerId, setOwnerId] = useState(currentUserId && members.some((person) => person.id === currentUserId) ? currentUserId : "");
  const [dueDate, setDueDate] = useState("");
  const [aboutItem, setAboutItem] = useState(true);
  function submit(event: FormEvent) {
    event.preventDefault();
    run(
      () => addActionItemAction(meetingId, { text, ownerId, dueDate: dueDate || null, agendaItemId: aboutItem ? item.id : null }),
      (action) => `Action item for ${action.owner?.name ?? action.owner?.email ?? "nobody"}`,
      (action) => {
        setText("");
        setDueDate("");
        onActionAdded(action);
        onOpenChange(false);
      },
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-5" aria-label="Record an action item">
      <FormError message={errors._form} />
      <Field id="action-text" label="What needs doing" required error={errors.text}>
        <Textarea value={text} onChange={(event) => setText(event.target.value)} rows={3} className="text-lg" />
      </Field>
      <Field id="action-owner" label="Owner" required error={errors.ownerId}>
        <Select value={ownerId} onChange={(event) => setOwnerId(event.target.value)} placeholder="Choose an owner" className="h-12 text-lg">
          {members.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name ?? person.email}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="action-due" label="Due date (optional)" error={errors.dueDate}>
        <Input type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} className="h-12 text-lg" />
      </Field>
      <label className="flex cursor-pointer items-center gap-3 text-lg">
        <input type="checkbox" checked={aboutItem} onChange={(event) => setAboutItem(event.target.checked)} className="size-5 accent-accent" />
        About this item ({item.request.title})
      </label>
      <Button type="submit" size="lg" loading={pending}>
        Record action item
      </Button>
    </form>
  );
}

function NotesForm({ meetingId, item, onNotesSaved, onOpenChange }: CaptureDrawerProps) {
  const { pending, errors, run } = useSubmit();
  const [notes, setNotes] = useState(item.notes);
  function submit(event: FormEvent) {
    event.preventDefault();
    run(
      () => saveNotesAction(meetingId, item.id, notes),
      () => "Notes saved",
      () => {
        onNotesSaved(notes);
        onOpenChange(false);
      },
    );
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-5" aria-label="Notes on this item">
      <FormError message={errors._form} />
      <Field id="item-notes" label="Outcome notes" help="They go into the minutes under this item." error={errors.notes}>
        <Textarea value={notes} onChange={(event) => setNotes(event.target.value)} rows={10} className="text-lg" autoFocus />
      </Field>
      <Button type="submit" size="lg" loading={pending}>
        Save notes
      </Button>
    </form>
  );
}

"use client";
// The generic requirements form: draws any role's form from its definition as a multi-step wizard with
// a review step. Conditions, computed defaults and validation come from lib/requests/form-logic.ts (the
// same rules the server applies); answers autosave to the server as you type.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, ArrowRight, CircleAlert, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import type { AnyRoleDefinition, FieldMeta, FormValues } from "@/lib/agents/types";
import type { RequestStatus } from "@/lib/generated/prisma/browser";
import { describeAnswers, labelForPath } from "@/lib/requests/answers";
import { ApiError } from "@/lib/api/client";
import { answerErrorsFrom, requestsApi } from "@/lib/requests/api-client";
import {
  applyComputedDefaults,
  dropStaleChoices,
  errorsOnStep,
  getIn,
  initialTouched,
  isVisible,
  moveItem,
  newGroupItem,
  pruneHidden,
  remapTouched,
  setIn,
  stepOf,
  stepOfErrorKey,
  stepsWithErrors,
  validateRoleInput,
  visibleSteps,
  type FieldErrors,
} from "@/lib/agents/form-logic";
import { requestKeys } from "@/lib/requests/query-keys";
import type { ConflictDetails } from "@/lib/requests/schema";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { LivePreview } from "@/components/artifacts/live-preview";
import { useRoleDefinition } from "@/components/roles/role-context";
import { useToast } from "@/components/ui/toast";
import { AnswersView } from "./answers-view";
import { ConflictPanel, theirVersion } from "./conflict-panel";
import { controlId, FieldControl } from "./field-control";
import { GroupField } from "./group-field";
import { SaveStatus, type SaveState } from "./save-status";
import { StepProgress, type ProgressStep } from "./step-progress";

const REVIEW_STEP = "review";
/** Autosave this long after the last keystroke. */
const AUTOSAVE_DELAY_MS = 800;

export interface RoleFormProps {
  roleKey: string;
  team: { slug: string; name: string };
  /** create: nothing saved yet (the first change creates the draft); draft: a saved draft; revise: a submitted request. */
  mode: "create" | "draft" | "revise";
  request?: { id: string; version: number; status: RequestStatus; currentRevision: number };
  initialValues: FormValues;
  initialTitle?: string;
  clonedFrom?: { id: string; title: string };
  /** When the answers shown were last saved (ISO), for the "Saved · 3 minutes ago" line. */
  savedAt?: string;
}

interface FormState {
  values: FormValues;
  touched: Set<string>;
}

/** Applies the rules that follow every change: stale dependent choices cleared, computed defaults applied. */
function settle(role: AnyRoleDefinition, values: FormValues, touched: Set<string>): FormValues {
  return applyComputedDefaults(role, dropStaleChoices(role, values), touched);
}

/** The form of the role given by the page's <WithRole> (components/roles/with-role.tsx). */
export function RoleForm(props: RoleFormProps) {
  const role = useRoleDefinition();
  if (role?.key !== props.roleKey) throw new Error(`RoleForm for ${props.roleKey} needs <WithRole roleKey="${props.roleKey}"> around it`);
  return <RoleFormFor role={role} {...props} />;
}

function RoleFormFor({ role, team, mode, request, initialValues, initialTitle = "", clonedFrom, savedAt }: RoleFormProps & { role: AnyRoleDefinition }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { toast } = useToast();

  const [state, setState] = useState<FormState>(() => {
    const touched = initialTouched(role, initialValues);
    return { values: settle(role, initialValues, touched), touched };
  });
  const { values } = state;
  const [title, setTitle] = useState(initialTitle);
  // A reopened draft starts where it was left: the first step with a missing or wrong answer, else the review.
  const [stepId, setStepId] = useState<string>(() => {
    const first = role.steps[0]?.id ?? REVIEW_STEP;
    if (mode !== "draft") return first;
    const checked = validateRoleInput(role, state.values);
    if (checked.success) return REVIEW_STEP;
    const withErrors = stepsWithErrors(role, checked.errors);
    return visibleSteps(role, state.values).find((step) => withErrors.has(step.id))?.id ?? first;
  });
  const [seenSteps, setSeenSteps] = useState<Set<string>>(() => new Set(mode === "create" ? [] : role.steps.map((step) => step.id)));
  const [visitedFields, setVisitedFields] = useState<Set<string>>(() => new Set());
  const [checkedSteps, setCheckedSteps] = useState<Set<string>>(() => new Set());
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [saveState, setSaveState] = useState<SaveState>(() => (mode === "create" ? { status: "idle" } : { status: "saved", at: savedAt ? new Date(savedAt) : new Date() }));
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [previewOpen, setPreviewOpen] = useState(true);

  // What the autosave sends: refs, so the debounced save always sends the latest answers.
  const requestId = useRef(request?.id);
  const version = useRef(request?.version);
  const baseRevision = useRef(request?.currentRevision ?? 0);
  const latest = useRef({ values, title });
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const blocked = useRef(false); // true while a conflict waits for the user's choice
  const flushRef = useRef<() => Promise<boolean>>(async () => true);
  // Mirrors of refs that the page shows (refs are for the save machinery, state is for rendering).
  const [savedId, setSavedId] = useState(request?.id);
  const [base, setBase] = useState(request?.currentRevision ?? 0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    latest.current = { values, title };
  }, [values, title]);

  const steps = useMemo(() => [...visibleSteps(role, values), { id: REVIEW_STEP, title: "Review and submit" }], [role, values]);
  const stepIndex = Math.max(0, steps.findIndex((step) => step.id === stepId));
  const currentStep = steps[stepIndex];
  const isReview = currentStep.id === REVIEW_STEP;

  const validation = useMemo(() => validateRoleInput(role, values), [role, values]);
  const liveErrors: FieldErrors = useMemo(() => (validation.success ? {} : validation.errors), [validation]);
  const shownErrors = useMemo(() => {
    const shown: FieldErrors = {};
    for (const [key, message] of Object.entries(liveErrors)) {
      if (submitAttempted || visitedFields.has(key) || checkedSteps.has(stepOfErrorKey(role, key))) shown[key] = message;
    }
    return { ...shown, ...serverErrors };
  }, [liveErrors, submitAttempted, visitedFields, checkedSteps, serverErrors, role]);
  const errorSteps = stepsWithErrors(role, shownErrors);
  const incompleteSteps = stepsWithErrors(role, liveErrors);

  // ---- Autosave ---------------------------------------------------------------------------------

  const saveMutation = useMutation({
    mutationFn: async (snapshot: { values: FormValues; title: string }) => {
      if (!requestId.current) {
        return requestsApi.create({ team: team.slug, role: role.key, title: snapshot.title || undefined, input: snapshot.values, clonedFrom: clonedFrom?.id });
      }
      return requestsApi.update(requestId.current, {
        draft: snapshot.values,
        version: version.current,
        // After submission the title is saved with the next revision, not before it.
        ...(mode === "revise" ? { baseRevision: baseRevision.current } : { title: snapshot.title }),
      });
    },
    onSuccess: (saved) => {
      const created = !requestId.current;
      requestId.current = saved.id;
      setSavedId(saved.id);
      version.current = saved.version;
      queryClient.setQueryData(requestKeys.detail(saved.id), saved);
      if (created) {
        // The draft now lives on the server: its address survives a reload (and works on another device).
        window.history.replaceState(null, "", `/requests/${saved.id}/edit`);
        void queryClient.invalidateQueries({ queryKey: requestKeys.lists() });
      }
    },
  });
  const { mutateAsync: saveAsync } = saveMutation;

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    if (blocked.current) return false;
    if (!dirty.current) return true;
    dirty.current = false;
    setSaveState({ status: "saving" });
    let ok = true;
    const run = (async () => {
      try {
        await saveAsync(latest.current);
        setSaveState(dirty.current ? { status: "dirty" } : { status: "saved", at: new Date() });
      } catch (error) {
        ok = false;
        dirty.current = true;
        if (error instanceof ApiError && error.conflict) {
          blocked.current = true;
          setConflict(error.conflict);
          setSaveState({ status: "conflict" });
        } else {
          setSaveState({ status: "error", message: error instanceof Error ? error.message : "the portal did not answer" });
        }
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
    if (ok && dirty.current) timer.current = setTimeout(() => void flushRef.current(), AUTOSAVE_DELAY_MS);
    return ok && !dirty.current;
  }, [saveAsync]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const markChanged = useCallback(() => {
    dirty.current = true;
    setSaveState((current) => (current.status === "saving" || current.status === "conflict" ? current : { status: "dirty" }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush]);

  // Save what is pending when the tab is hidden, and warn before leaving with unsaved answers.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden" && dirty.current) void flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) event.preventDefault();
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("beforeunload", onBeforeUnload);
      clearTimeout(timer.current);
    };
  }, [flush]);

  // ---- Changes ----------------------------------------------------------------------------------

  function clearServerErrors(prefix: string) {
    setServerErrors((current) => {
      const kept = Object.fromEntries(Object.entries(current).filter(([key]) => key !== prefix && !key.startsWith(`${prefix}.`)));
      return Object.keys(kept).length === Object.keys(current).length ? current : kept;
    });
  }

  function setValue(key: string, value: unknown) {
    setState((current) => {
      const touched = new Set(current.touched).add(key);
      return { touched, values: settle(role, setIn(current.values, key, value), touched) };
    });
    clearServerErrors(key);
    setFormMessage(null);
    markChanged();
  }

  function changeGroup(groupKey: string, change: (items: FormValues[], touched: Set<string>) => { items: FormValues[]; touched: Set<string> }) {
    setState((current) => {
      const items = Array.isArray(getIn(current.values, groupKey)) ? (getIn(current.values, groupKey) as FormValues[]) : [];
      const next = change(items, new Set(current.touched).add(groupKey));
      return { touched: next.touched, values: settle(role, setIn(current.values, groupKey, next.items), next.touched) };
    });
    setVisitedFields((current) => new Set(current).add(groupKey));
    clearServerErrors(groupKey);
    markChanged();
  }

  function markVisited(key: string) {
    setVisitedFields((current) => (current.has(key) ? current : new Set(current).add(key)));
  }

  // ---- Navigation -------------------------------------------------------------------------------

  function goTo(id: string, focus: "heading" | "summary" = "heading") {
    setSeenSteps((current) => new Set(current).add(currentStep.id));
    setStepId(id);
    requestAnimationFrame(() => {
      window.scrollTo({ top: 0, behavior: "smooth" });
      (focus === "summary" && summaryRef.current ? summaryRef.current : headingRef.current)?.focus({ preventScroll: true });
    });
  }

  /** Opens the step that asks for `key` and puts the cursor in its control. */
  function goToField(key: string) {
    setSeenSteps((current) => new Set(current).add(currentStep.id));
    setStepId(stepOfErrorKey(role, key));
    // Twice: once for React to render the step, once for the browser to lay it out.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const control = document.getElementById(controlId(key));
        if (!control) return headingRef.current?.focus();
        control.focus({ preventScroll: true });
        control.scrollIntoView({ block: "center", behavior: "smooth" });
      }),
    );
  }

  function next() {
    setCheckedSteps((current) => new Set(current).add(currentStep.id));
    const stepErrors = errorsOnStep(role, liveErrors, currentStep.id);
    if (Object.keys(stepErrors).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    goTo(steps[stepIndex + 1].id);
  }

  /** Validates everything; on errors, opens the first step that has one. */
  function checkAll(): boolean {
    setSubmitAttempted(true);
    if (validation.success) return true;
    const firstStep = steps.find((step) => Object.keys(validation.errors).some((key) => stepOfErrorKey(role, key) === step.id));
    setFormMessage("Some answers need attention before this can be sent. The steps marked with an error show what to fix.");
    if (firstStep) goTo(firstStep.id, "summary");
    return false;
  }

  function showServerError(error: unknown) {
    if (error instanceof ApiError && error.conflict) {
      blocked.current = true;
      setConflict(error.conflict);
      setSaveState({ status: "conflict" });
      window.scrollTo({ top: 0, behavior: "smooth" });
      return;
    }
    if (error instanceof ApiError && error.issues.length > 0) {
      const mapped = answerErrorsFrom(error);
      setServerErrors(mapped);
      setSubmitAttempted(true);
      const firstKey = Object.keys(mapped)[0];
      if (firstKey && firstKey !== "title") goTo(stepOfErrorKey(role, firstKey), "summary");
    }
    setFormMessage(error instanceof Error ? error.message : "Something went wrong. Try again.");
  }

  async function submit() {
    if (!checkAll()) return;
    setSubmitting(true);
    setFormMessage(null);
    try {
      if (mode === "revise") {
        clearTimeout(timer.current);
        while (inFlight.current) await inFlight.current;
        if (blocked.current) return;
        const saved = await requestsApi.update(requestId.current!, { input: pruneHidden(role, values), baseRevision: baseRevision.current, title: title.trim() || undefined });
        dirty.current = false;
        let final = saved;
        if (request?.status === "CHANGES_REQUESTED" && saved.revisionCreated) final = await requestsApi.transition(saved.id, { to: "SUBMITTED" });
        queryClient.setQueryData(requestKeys.detail(saved.id), final);
        void queryClient.invalidateQueries({ queryKey: requestKeys.all });
        toast({
          title: saved.revisionCreated ? `Saved revision ${saved.currentRevision}` : "No changes to save",
          description: final.status !== saved.status ? "The request is back in the review queue." : undefined,
          tone: saved.revisionCreated ? "healthy" : "info",
        });
        router.push(saved.revisionCreated ? `/requests/${saved.id}?tab=artifacts` : `/requests/${saved.id}`);
        return;
      }
      // A draft: make sure the server holds exactly these answers, then submit them.
      if (!requestId.current) dirty.current = true;
      if (!(await flush())) {
        setFormMessage("Your answers could not be saved, so the request was not sent. Try again.");
        return;
      }
      const submitted = await requestsApi.transition(requestId.current!, { to: "SUBMITTED" });
      queryClient.setQueryData(requestKeys.detail(submitted.id), submitted);
      void queryClient.invalidateQueries({ queryKey: requestKeys.lists() });
      toast({ title: "Request submitted", description: `“${submitted.title}” is waiting for review.`, tone: "healthy" });
      router.push(`/requests/${submitted.id}?tab=artifacts`);
    } catch (error) {
      showServerError(error);
    } finally {
      setSubmitting(false);
    }
  }

  function onFormSubmit(event: FormEvent) {
    event.preventDefault();
    if (isReview) void submit();
    else next();
  }

  // ---- Conflicts --------------------------------------------------------------------------------

  function keepMine() {
    if (!conflict) return;
    version.current = conflict.version;
    baseRevision.current = conflict.currentRevision;
    setBase(conflict.currentRevision);
    blocked.current = false;
    setConflict(null);
    dirty.current = true;
    void flush();
  }

  function takeTheirs() {
    if (!conflict) return;
    const theirs = theirVersion(conflict);
    version.current = conflict.version;
    baseRevision.current = conflict.currentRevision;
    setBase(conflict.currentRevision);
    blocked.current = false;
    dirty.current = false;
    const touched = initialTouched(role, theirs);
    setState({ values: settle(role, theirs, touched), touched });
    setTitle(conflict.title);
    setConflict(null);
    setServerErrors({});
    setSaveState({ status: "saved", at: new Date(conflict.updatedAt) });
  }

  async function discardEdits() {
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
    dirty.current = false;
    if (requestId.current) {
      await requestsApi.update(requestId.current, { draft: null });
      void queryClient.invalidateQueries({ queryKey: requestKeys.detail(requestId.current) });
    }
    router.push(`/requests/${requestId.current}`);
  }

  // ---- Rendering --------------------------------------------------------------------------------

  const progress: ProgressStep[] = steps.map((step, index) => ({
    id: step.id,
    title: step.title,
    hasErrors: index === stepIndex && step.id !== REVIEW_STEP && errorSteps.has(step.id),
    state:
      index === stepIndex
        ? "current"
        : errorSteps.has(step.id)
          ? "error"
          : seenSteps.has(step.id) && step.id !== REVIEW_STEP && !incompleteSteps.has(step.id)
            ? "done"
            : "upcoming",
  }));

  const stepFieldErrors = isReview ? shownErrors : errorsOnStep(role, shownErrors, currentStep.id);
  const defaultTitle = validation.success ? safeTitle(() => role.defaultTitle(validation.data as never)) : "";
  const submitLabel =
    mode === "revise"
      ? request?.status === "CHANGES_REQUESTED"
        ? "Save and resubmit"
        : request?.status === "APPROVED"
          ? `Save as revision ${base + 1} for review`
          : `Save as revision ${base + 1}`
      : "Submit request";

  return (
    // The form's own width decides the layout (a container query), not the window's: steps above the form
    // when it is narrow, beside it from 48rem; the live preview beside it only from 84rem, below it otherwise.
    <div data-wide-page className="@container/role-form">
    <div
      className={cn(
        "grid gap-6 @3xl/role-form:grid-cols-[14rem_minmax(0,1fr)] @3xl/role-form:gap-8",
        previewOpen ? "@min-[84rem]/role-form:grid-cols-[14rem_minmax(0,1fr)_28rem]" : "@min-[84rem]/role-form:grid-cols-[14rem_minmax(0,1fr)_auto]",
      )}
    >
      <aside className="flex min-w-0 flex-col gap-4 @3xl/role-form:sticky @3xl/role-form:top-6 @3xl/role-form:self-start">
        <StepProgress steps={progress} onSelect={(index) => goTo(steps[index].id)} />
        <SaveStatus state={saveState} onRetry={() => void flush()} />
      </aside>

      <div className="@container min-w-0">
        {conflict && <ConflictPanel role={role} details={conflict} mine={values} onKeepMine={keepMine} onUseTheirs={takeTheirs} />}
        <form onSubmit={onFormSubmit} noValidate aria-labelledby="step-heading">
          <Card>
            <CardContent className="flex flex-col gap-6">
              <header className="flex flex-col gap-1 border-b border-border pb-4">
                <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold outline-none">
                  {currentStep.title}
                </h2>
                {"description" in currentStep && currentStep.description && <p className="text-base text-fg-muted">{currentStep.description}</p>}
              </header>

              {formMessage && (
                <p role="alert" className="flex items-start gap-2 rounded-md bg-critical-soft p-3 text-base text-critical-fg">
                  <CircleAlert aria-hidden="true" className="mt-1 size-4 shrink-0" />
                  {formMessage}
                </p>
              )}

              <ErrorSummary refObject={summaryRef} errors={stepFieldErrors} labelOf={(key) => labelForPath(role, key)} />

              {isReview ? (
                <ReviewStep
                  role={role}
                  values={values}
                  title={title}
                  titlePlaceholder={defaultTitle}
                  titleError={serverErrors.title}
                  onTitle={(next) => {
                    setTitle(next);
                    clearServerErrors("title");
                    markChanged();
                  }}
                  onEditStep={(id) => goTo(id)}
                />
              ) : (
                <div className="flex flex-col gap-7">
                  {role.fields
                    .filter((field) => stepOf(role, field) === currentStep.id && isVisible(field, values, values))
                    .map((field) => (
                      <TopLevelField
                        key={field.path}
                        field={field}
                        values={values}
                        errors={shownErrors}
                        onChange={setValue}
                        onBlur={markVisited}
                        onGroupChange={changeGroup}
                      />
                    ))}
                </div>
              )}

              <footer className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-5">
                <div className="flex gap-2">
                  {stepIndex > 0 && (
                    <Button variant="secondary" size="lg" onClick={() => goTo(steps[stepIndex - 1].id)}>
                      <ArrowLeft aria-hidden="true" /> Back
                    </Button>
                  )}
                  {mode === "revise" && (
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="lg">
                          Discard changes
                        </Button>
                      }
                      title="Discard your changes?"
                      description="The answers go back to the current revision. Autosaved edits are deleted."
                      confirmLabel="Discard changes"
                      onConfirm={discardEdits}
                    />
                  )}
                </div>
                {isReview ? (
                  <Button type="submit" size="lg" loading={submitting} disabled={conflict !== null}>
                    <Send aria-hidden="true" /> {submitLabel}
                  </Button>
                ) : (
                  <Button type="submit" size="lg">
                    Next: {steps[stepIndex + 1].title} <ArrowRight aria-hidden="true" />
                  </Button>
                )}
              </footer>
            </CardContent>
          </Card>
        </form>
        {mode !== "revise" && (
          <p className="mt-3 text-sm text-fg-muted">
            {savedId ? "This draft is saved for your team" : "The draft is saved for your team as soon as you start"} ({team.name}). Nothing is sent for review until you submit.
          </p>
        )}
      </div>
      <LivePreview
        role={role}
        values={values}
        open={previewOpen}
        onOpenChange={setPreviewOpen}
        onGoToField={goToField}
        className="min-w-0 @3xl/role-form:col-start-2 @min-[84rem]/role-form:sticky @min-[84rem]/role-form:top-6 @min-[84rem]/role-form:col-start-auto @min-[84rem]/role-form:max-h-[calc(100vh-3rem)] @min-[84rem]/role-form:self-start @min-[84rem]/role-form:overflow-y-auto"
      />
    </div>
    </div>
  );
}

function safeTitle(make: () => string): string {
  try {
    return make();
  } catch {
    return "";
  }
}

function TopLevelField({
  field,
  values,
  errors,
  onChange,
  onBlur,
  onGroupChange,
}: {
  field: FieldMeta;
  values: FormValues;
  errors: FieldErrors;
  onChange: (key: string, value: unknown) => void;
  onBlur: (key: string) => void;
  onGroupChange: (groupKey: string, change: (items: FormValues[], touched: Set<string>) => { items: FormValues[]; touched: Set<string> }) => void;
}) {
  const key = field.path;
  if (field.widget === "group") {
    const raw = getIn(values, key);
    const items = Array.isArray(raw) ? (raw as FormValues[]) : [];
    return (
      <GroupField
        field={field}
        groupKey={key}
        items={items}
        form={values}
        errors={errors}
        onBlur={onBlur}
        onItemChange={(index, itemPath, value) => onChange(`${key}.${index}.${itemPath}`, value)}
        onAdd={() => onGroupChange(key, (list, touched) => ({ items: [...list, newGroupItem(field, values)], touched }))}
        onRemove={(index) =>
          onGroupChange(key, (list, touched) => ({
            items: list.filter((_, position) => position !== index),
            touched: remapTouched(touched, key, (position) => (position === index ? undefined : position > index ? position - 1 : position)),
          }))
        }
        onMove={(from, to) =>
          onGroupChange(key, (list, touched) => ({
            items: moveItem(list, from, to),
            touched: remapTouched(touched, key, (position) => (position === from ? to : position === to ? from : position)),
          }))
        }
      />
    );
  }
  const narrow = field.widget === "text" || field.widget === "select" || field.widget === "textarea" || field.widget === "tags";
  return (
    <div className={narrow ? "max-w-3xl" : undefined}>
      <FieldControl
        field={field}
        id={controlId(key)}
        value={getIn(values, key)}
        error={errors[key]}
        scope={values}
        form={values}
        onChange={(value) => onChange(key, value)}
        onBlur={() => onBlur(key)}
      />
    </div>
  );
}

/** The errors of the step in one box at the top, each a link to its field (focus lands on the control). */
function ErrorSummary({ errors, labelOf, refObject }: { errors: FieldErrors; labelOf: (key: string) => string; refObject: React.RefObject<HTMLDivElement | null> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return <div ref={refObject} tabIndex={-1} className="sr-only" />;
  return (
    <div ref={refObject} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="rounded-md border-2 border-critical bg-critical-soft/50 p-4 outline-none focus:ring-2 focus:ring-focus">
      <h3 id="error-summary-title" className="mb-2 flex items-center gap-2 text-lg font-semibold text-critical-fg">
        <CircleAlert aria-hidden="true" className="size-5" />
        {entries.length === 1 ? "One answer needs attention" : `${entries.length} answers need attention`}
      </h3>
      <ul className="flex flex-col gap-1">
        {entries.map(([key, message]) => (
          <li key={key}>
            <a
              href={`#${controlId(key)}`}
              className="text-base text-critical-fg underline"
              onClick={(event) => {
                const target = document.getElementById(controlId(key));
                if (!target) return;
                event.preventDefault();
                target.focus();
                target.scrollIntoView({ block: "center", behavior: "smooth" });
              }}
            >
              {key === "_form" ? message : `${labelOf(key)}: ${message}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ReviewStep({
  role,
  values,
  title,
  titlePlaceholder,
  titleError,
  onTitle,
  onEditStep,
}: {
  role: AnyRoleDefinition;
  values: FormValues;
  title: string;
  titlePlaceholder: string;
  titleError?: string;
  onTitle: (title: string) => void;
  onEditStep: (stepId: string) => void;
}) {
  const sections = useMemo(() => describeAnswers(role, pruneHidden(role, values)), [role, values]);
  return (
    <div className="flex flex-col gap-6">
      <Field id="request-title" label="Request title" help={titlePlaceholder ? `Leave it empty to use “${titlePlaceholder}”.` : "A short name the team will recognise in the queue."} error={titleError}>
        <Input value={title} placeholder={titlePlaceholder} onChange={(event) => onTitle(event.target.value)} maxLength={200} className="max-w-3xl" />
      </Field>
      <AnswersView sections={sections} onEditStep={onEditStep} />
    </div>
  );
}

"use client";
// The wizard's progress: every step with its number, where you are (aria-current="step"), which steps
// are done and which have errors (an icon and words, never colour alone). Any step can be opened.
import { Check, CircleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";

export interface ProgressStep {
  id: string;
  title: string;
  state: "current" | "done" | "error" | "upcoming";
  /** The current step can have errors too: shown beside its "current" look. */
  hasErrors?: boolean;
}

const stateWords: Record<ProgressStep["state"], string> = {
  current: "current step",
  done: "done",
  error: "has errors",
  upcoming: "not started",
};

export function StepProgress({ steps, onSelect }: { steps: ProgressStep[]; onSelect: (index: number) => void }) {
  const currentIndex = steps.findIndex((step) => step.state === "current");
  return (
    <nav aria-label="Form steps" className="flex flex-col gap-3">
      <p className="text-sm font-medium text-fg-muted" aria-live="polite">
        Step {currentIndex + 1} of {steps.length}
      </p>
      <div className="h-1.5 overflow-hidden rounded-full bg-border" aria-hidden="true">
        <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${((currentIndex + 1) / steps.length) * 100}%` }} />
      </div>
      <ol data-scroll-x className="relative flex gap-1 overflow-x-auto pb-1 @3xl/role-form:flex-col @3xl/role-form:overflow-visible @3xl/role-form:pb-0">
        {steps.map((step, index) => (
          <li key={step.id} className="shrink-0">
            <button
              type="button"
              onClick={() => onSelect(index)}
              aria-current={step.state === "current" ? "step" : undefined}
              className={cn(
                "flex w-full cursor-pointer items-center gap-3 rounded-md px-2 py-2 text-left text-base hover:bg-surface-muted",
                step.state === "current" ? "bg-surface-muted font-semibold text-fg" : "text-fg-muted",
              )}
            >
              <span
                aria-hidden="true"
                className={cn(
                  "flex size-8 shrink-0 items-center justify-center rounded-full border-2 text-sm font-semibold",
                  step.state === "current" && (step.hasErrors ? "border-critical bg-accent text-accent-fg ring-2 ring-critical" : "border-accent bg-accent text-accent-fg"),
                  step.state === "done" && "border-healthy bg-healthy-soft text-healthy-fg",
                  step.state === "error" && "border-critical bg-critical-soft text-critical-fg",
                  step.state === "upcoming" && "border-border-strong text-fg-muted",
                )}
              >
                {step.state === "done" ? <Check className="size-4" strokeWidth={3} /> : step.state === "error" ? <CircleAlert className="size-4" /> : index + 1}
              </span>
              <span className="flex flex-col">
                <span className={cn(step.state === "error" && "text-critical-fg")}>{step.title}</span>
                <span className="sr-only">
                  , {stateWords[step.state]}
                  {step.state === "current" && step.hasErrors ? ", has errors" : ""}
                </span>
                {(step.state === "error" || step.hasErrors) && <span className="text-sm font-normal text-critical-fg">Has errors</span>}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

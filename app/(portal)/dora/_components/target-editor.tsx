"use client";
// Edits one target's team value in place: the number in the unit people read, the version it was read at
// (a stale edit comes back as a conflict message), and a way back to the role's own value.
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { idleFormState } from "@/lib/forms/form-state";
import { saveTargetAction } from "../actions";

export function TargetEditor({ team, targetKey, label, value, unit, version, overridden }: { team: string; targetKey: string; label: string; value: number; unit: string; version: number; overridden: boolean }) {
  const [state, action, pending] = useActionState(saveTargetAction, idleFormState);
  const id = useId();
  const error = state.status === "error" ? (state.fieldErrors?.value ?? state.message) : undefined;
  return (
    <form action={action} className="flex flex-col gap-1" data-testid={`target-editor-${targetKey}`}>
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="key" value={targetKey} />
      <input type="hidden" name="version" value={version} />
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-value`} className="sr-only">
          The team&apos;s target for {label}, in {unit}
        </label>
        <Input id={`${id}-value`} name="value" type="number" step="any" min={0} defaultValue={value} className="h-9 w-28" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        <span className="text-sm text-fg-muted">{unit}</span>
        <Button type="submit" size="sm" variant="secondary" name="intent" value="set" disabled={pending}>
          Save
        </Button>
        {overridden && (
          <Button type="submit" size="sm" variant="ghost" name="intent" value="reset" disabled={pending}>
            Reset
          </Button>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-critical-fg">
          {error}
        </p>
      )}
      {state.status === "success" && (
        <p role="status" className="text-sm text-healthy-fg">
          {state.message}
        </p>
      )}
    </form>
  );
}

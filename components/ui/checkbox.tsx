"use client";
// Checkbox: Radix checkbox with an optional label and description; inside a <form> it submits `name`/`value` like a native one.
import { Check, Minus } from "lucide-react";
import { Checkbox as CheckboxPrimitive } from "radix-ui";
import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

export type CheckboxProps = ComponentProps<typeof CheckboxPrimitive.Root> & {
  label?: ReactNode;
  description?: ReactNode;
  /** Classes for the wrapper when a label is shown; `className` goes to the box. */
  containerClassName?: string;
};

export function Checkbox({ id, label, description, className, containerClassName, ...props }: CheckboxProps) {
  const generatedId = useId();
  const checkboxId = id ?? generatedId;
  const descriptionId = description ? `${checkboxId}-description` : undefined;
  const describedBy = [props["aria-describedby"], descriptionId].filter(Boolean).join(" ") || undefined;

  const box = (
    <CheckboxPrimitive.Root
      id={checkboxId}
      className={cn(
        "flex size-5 shrink-0 cursor-pointer items-center justify-center rounded-sm",
        "border-2 border-border-strong bg-surface text-accent-fg",
        "data-[state=checked]:border-accent data-[state=checked]:bg-accent",
        "data-[state=indeterminate]:border-accent data-[state=indeterminate]:bg-accent",
        "aria-[invalid=true]:border-critical disabled:cursor-not-allowed disabled:opacity-60",
        className,
      )}
      {...props}
      aria-describedby={describedBy}
    >
      <CheckboxPrimitive.Indicator className="group flex items-center justify-center">
        <Check aria-hidden="true" strokeWidth={3} className="size-3.5 group-data-[state=indeterminate]:hidden" />
        <Minus aria-hidden="true" strokeWidth={3} className="hidden size-3.5 group-data-[state=indeterminate]:block" />
      </CheckboxPrimitive.Indicator>
    </CheckboxPrimitive.Root>
  );

  if (!label) return box;

  // The whole row is the hit target (min 36px tall); clicking the label toggles the box.
  return (
    <div className={cn("flex min-h-9 items-start gap-3 py-1.5", containerClassName)}>
      <span className="flex h-6 items-center">{box}</span>
      <div className="flex flex-col gap-0.5">
        <label
          htmlFor={checkboxId}
          className={cn("text-base leading-6 text-fg", props.disabled ? "cursor-not-allowed opacity-70" : "cursor-pointer")}
        >
          {label}
        </label>
        {description && (
          <p id={descriptionId} className="text-sm text-fg-muted">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}

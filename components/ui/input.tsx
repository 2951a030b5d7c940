// Input: a styled native text input; `aria-invalid` turns the border critical. Also exports the shared form-control look.
import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Border, colours, invalid and disabled states shared by Input, Textarea and Select. */
export const controlClassName = cn(
  "w-full rounded-md border border-border-strong bg-surface px-3 text-base text-fg",
  "placeholder:text-fg-muted placeholder:italic",
  "disabled:cursor-not-allowed disabled:bg-surface-muted disabled:opacity-70",
  "aria-[invalid=true]:border-critical aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-critical",
);

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(controlClassName, "h-10 py-2", className)} {...props} />;
}

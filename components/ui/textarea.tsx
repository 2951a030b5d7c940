// Textarea: a styled native multi-line input, same look and invalid state as Input.
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClassName } from "./input";

export type TextareaProps = ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(controlClassName, "min-h-20 py-2 leading-6", className)} {...props} />;
}

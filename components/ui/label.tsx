// Label: a native <label>; `required` adds a visual asterisk (the control itself carries `required` for assistive tech).
import type { ComponentProps } from "react";
import { cn } from "./cn";

export type LabelProps = ComponentProps<"label"> & { required?: boolean };

export function Label({ className, required, children, ...props }: LabelProps) {
  return (
    <label className={cn("text-base font-medium text-fg", className)} {...props}>
      {children}
      {required && (
        <span aria-hidden="true" className="ml-0.5 text-critical-fg">
          *
        </span>
      )}
    </label>
  );
}

// Select: a native <select> styled like Input. Native keeps keyboard, screen-reader and form behaviour for free.
import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClassName } from "./input";

export type SelectProps = ComponentProps<"select"> & {
  /** Adds a first, empty option with this text (selected when there is no value). */
  placeholder?: string;
  /** Classes for the wrapper; `className` goes to the <select> itself. */
  containerClassName?: string;
};

export function Select({ className, containerClassName, placeholder, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative w-full", containerClassName)}>
      <select className={cn(controlClassName, "h-10 cursor-pointer appearance-none py-2 pr-10", className)} {...props}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-5 -translate-y-1/2 text-fg-muted"
      />
    </div>
  );
}

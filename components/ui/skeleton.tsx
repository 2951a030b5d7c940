// Skeleton: a grey placeholder block while content loads; pulses only when the user has not asked for reduced motion.
import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * Decorative, so hidden from screen readers: mark the loading region itself with `aria-busy="true"`
 * and give it a text alternative (e.g. <span className="sr-only">Loading requests…</span>).
 */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div aria-hidden="true" className={cn("h-4 rounded-md bg-border/70 motion-safe:animate-pulse", className)} {...props} />
  );
}

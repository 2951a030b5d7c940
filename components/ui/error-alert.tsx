// What went wrong as a whole, announced to screen readers; nothing when there is no message.
import { CircleAlert } from "lucide-react";
import type { ReactNode } from "react";

export function ErrorAlert({ message }: { message: ReactNode }) {
  if (!message) return null;
  return (
    <p role="alert" className="flex items-start gap-2 rounded-md bg-critical-soft p-3 text-sm text-critical-fg">
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      {message}
    </p>
  );
}

// EmptyState: what to show when a list or page has nothing yet — an icon, a title, and what to do next.
import { Inbox } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type EmptyStateProps = {
  /** A lucide icon element; defaults to an inbox. Hidden from screen readers. */
  icon?: ReactNode;
  title: ReactNode;
  /** Say why it is empty and what to do next. */
  description?: ReactNode;
  /** Usually a Button or a link that starts the next step. */
  action?: ReactNode;
  /** Heading level of the title, to fit the page outline. */
  titleAs?: "h2" | "h3" | "p";
  className?: string;
};

export function EmptyState({ icon, title, description, action, titleAs: Title = "h2", className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center gap-3 rounded-md border border-dashed border-border-strong px-6 py-12 text-center",
        className,
      )}
    >
      <span
        aria-hidden="true"
        className="flex size-12 items-center justify-center rounded-full bg-surface-muted text-fg-muted [&_svg]:size-6"
      >
        {icon ?? <Inbox />}
      </span>
      <Title className="text-lg font-semibold text-fg">{title}</Title>
      {description && <p className="max-w-prose text-base text-fg-muted">{description}</p>}
      {action && <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}

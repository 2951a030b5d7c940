// PageHeader: the page's one <h1>, a short description, and the page's main actions.
import type { ReactNode } from "react";
import { cn } from "./cn";

export type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links for the page's main actions, shown on the right on wide screens. */
  actions?: ReactNode;
  /** Small text above the title, e.g. a breadcrumb or back link. */
  eyebrow?: ReactNode;
  className?: string;
};

export function PageHeader({ title, description, actions, eyebrow, className }: PageHeaderProps) {
  return (
    <header className={cn("mb-8 flex flex-col gap-4 md:flex-row md:items-end md:justify-between", className)}>
      <div className="flex min-w-0 flex-col gap-2">
        {eyebrow && <div className="text-sm text-fg-muted">{eyebrow}</div>}
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        {description && <p className="max-w-3xl text-lg text-fg-muted">{description}</p>}
      </div>
      {actions && <div className="no-print flex shrink-0 flex-wrap gap-2">{actions}</div>}
    </header>
  );
}

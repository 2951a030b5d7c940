// Pagination: Previous / "Page X of Y" / Next as plain links, so it renders on the server and works without JavaScript.
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "./button";
import { cn } from "./cn";

export type PaginationProps = {
  /** The current page, starting at 1. */
  page: number;
  pageCount: number;
  /** Builds the URL of page n, e.g. (n) => `/requests?page=${n}`. */
  hrefForPage: (page: number) => string;
  /** Names the navigation landmark when a page has more than one paginated list. */
  label?: string;
  className?: string;
};

export function Pagination({ page, pageCount, hrefForPage, label = "Pagination", className }: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, Math.trunc(page)), pageCount);
  const linkClass = buttonVariants({ variant: "secondary", size: "sm" });
  const disabledClass = buttonVariants({ variant: "secondary", size: "sm", className: "cursor-not-allowed opacity-50" });

  return (
    <nav aria-label={label} className={cn("no-print mt-4 flex items-center justify-between gap-4", className)}>
      {current > 1 ? (
        <Link href={hrefForPage(current - 1)} rel="prev" className={linkClass}>
          <ChevronLeft aria-hidden="true" />
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          <ChevronLeft aria-hidden="true" />
          Previous
        </span>
      )}
      <p className="text-base text-fg-muted">
        Page <span className="font-semibold text-fg">{current}</span> of{" "}
        <span className="font-semibold text-fg">{pageCount}</span>
      </p>
      {current < pageCount ? (
        <Link href={hrefForPage(current + 1)} rel="next" className={linkClass}>
          Next
          <ChevronRight aria-hidden="true" />
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass}>
          Next
          <ChevronRight aria-hidden="true" />
        </span>
      )}
    </nav>
  );
}

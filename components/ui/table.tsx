// Table: styled table primitives (server-safe) plus SortableHeader, a column header that sorts with a click or Enter/Space.
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import type { SortHeaderProps } from "./use-sortable-rows";

export { useSortableRows, type SortDirection, type SortHeaderProps } from "./use-sortable-rows";

/**
 * The table, inside a bordered box that scrolls sideways on narrow screens instead of squashing columns.
 * The box is focusable and named (`scrollLabel`), so a keyboard can scroll it too.
 */
export type TableProps = ComponentProps<"table"> & { containerClassName?: string; scrollLabel?: string };

export function Table({ className, containerClassName, scrollLabel = "Table, scrolls sideways", ...props }: TableProps) {
  return (
    <div role="region" aria-label={scrollLabel} tabIndex={0} className={cn("w-full overflow-x-auto rounded-md border border-border bg-surface", containerClassName)}>
      <table className={cn("w-full border-collapse text-left text-base", className)} {...props} />
    </div>
  );
}

/** Say what the table shows; use `className="sr-only"` to keep it for screen readers only. */
export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("px-4 py-3 text-left text-sm text-fg-muted", className)} {...props} />;
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("border-b border-border-strong bg-surface-muted", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&>tr:last-child]:border-b-0", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("border-b border-border hover:bg-surface-muted/60", className)} {...props} />;
}

type CellProps = { /** Right-align, for numbers. */ numeric?: boolean };

export function TH({ className, numeric, scope = "col", ...props }: ComponentProps<"th"> & CellProps) {
  return (
    <th
      scope={scope}
      className={cn("px-4 py-3 align-bottom text-base font-semibold text-fg", numeric && "text-right", className)}
      {...props}
    />
  );
}

export function TD({ className, numeric, ...props }: ComponentProps<"td"> & CellProps) {
  return <td className={cn("px-4 py-3 align-middle", numeric && "text-right tabular-nums", className)} {...props} />;
}

export type SortableHeaderProps = Omit<ComponentProps<"th">, "onClick"> & CellProps & SortHeaderProps;

/** A column header whose button sorts the column; `aria-sort` tells screen readers the current order. */
export function SortableHeader({ sorted, onSort, numeric, className, children, ...props }: SortableHeaderProps) {
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <TH
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
      numeric={numeric}
      className={cn("p-0", className)}
      {...props}
    >
      <button
        type="button"
        onClick={onSort}
        className={cn(
          "inline-flex min-h-11 w-full cursor-pointer items-center gap-1.5 px-4 py-2 font-semibold hover:bg-border/50",
          numeric && "flex-row-reverse",
        )}
      >
        {children}
        <Icon aria-hidden="true" className={cn("size-4 shrink-0", !sorted && "text-fg-muted")} />
      </button>
    </TH>
  );
}

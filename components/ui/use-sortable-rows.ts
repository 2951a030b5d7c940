"use client";
// useSortableRows: client-side sorting state for a table; pairs with <SortableHeader {...headerProps("key")}>.
import { useMemo, useState } from "react";

export type SortDirection = "asc" | "desc";

/** What SortableHeader needs: the column's current sort state and what to do when it is clicked. */
export type SortHeaderProps = {
  sorted: SortDirection | false;
  onSort: () => void;
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

function compareValues(a: unknown, b: unknown): number {
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

const noAccessors = {};

const isMissing = (value: unknown) => value === null || value === undefined || value === "";

/**
 * Sorts `rows` by one column. Keys are row properties, or any name given an accessor
 * (e.g. `{ owner: (row) => row.owner.name }`; define it outside the component so it is stable between renders).
 * Empty values always sort last; ties keep their original order.
 */
export function useSortableRows<T, K extends string = Extract<keyof T, string>>(
  rows: readonly T[],
  initialKey: K,
  initialDirection: SortDirection = "asc",
  accessors: Partial<Record<K, (row: T) => unknown>> = noAccessors,
) {
  const [sortKey, setSortKey] = useState<K>(initialKey);
  const [direction, setDirection] = useState<SortDirection>(initialDirection);

  const sortedRows = useMemo(() => {
    const valueOf = accessors[sortKey] ?? ((row: T) => (row as Record<string, unknown>)[sortKey]);
    const sign = direction === "asc" ? 1 : -1;
    return [...rows].sort((rowA, rowB) => {
      const a = valueOf(rowA);
      const b = valueOf(rowB);
      if (isMissing(a) || isMissing(b)) return Number(isMissing(a)) - Number(isMissing(b));
      return sign * compareValues(a, b);
    });
  }, [rows, sortKey, direction, accessors]);

  function sortBy(key: K) {
    if (key === sortKey) {
      setDirection((current) => (current === "asc" ? "desc" : "asc"));
    } else {
      setSortKey(key);
      setDirection("asc");
    }
  }

  function headerProps(key: K): SortHeaderProps {
    return { sorted: key === sortKey ? direction : false, onSort: () => sortBy(key) };
  }

  return { rows: sortedRows, sortKey, direction, sortBy, headerProps };
}

"use client";
// The one filter bar of every list (requests, incidents, SLOs, services, the review board), and the one
// convention behind it: filters live in the address as plain parameters (`?q=…&status=…`), so a filtered
// list is a link; a choice applies at once, typed text a moment after the last key (or on Enter); any
// change starts again at page 1; "Clear filters" removes the filters and keeps the sort.
import { FilterX, Search } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

export type FilterField =
  | { kind: "search"; name: string; label: string; placeholder?: string }
  | { kind: "select"; name: string; label: string; anyLabel: string; options: readonly { value: string; label: string }[] };

export interface ListFilters {
  /** The value of each filter in the address ("" when unset). */
  values: Record<string, string>;
  /** True when any filter is set. */
  active: boolean;
  /** Sets parameters (an empty value removes one); any change but `page` returns to page 1. */
  set: (change: Record<string, string>) => void;
  /** Removes every filter, keeping the sort. */
  clear: () => void;
}

/** How long typing must pause before the search applies. */
const typingPauseMs = 300;

/**
 * The list's filters, read from and written to the address. `shallow` lists fetch their own data on the
 * client: they only rewrite the address (`history.replaceState`, which Next syncs with `useSearchParams`);
 * the others are rendered on the server, so the router fetches the page again for the new address.
 */
export function useListFilters(names: readonly string[], { shallow = false }: { shallow?: boolean } = {}): ListFilters {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const key = names.join(",");
  const values = useMemo(() => Object.fromEntries(key.split(",").map((name) => [name, searchParams.get(name) ?? ""])), [key, searchParams]);
  const write = useCallback(
    (change: Record<string, string>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [name, value] of Object.entries(change)) {
        if (value) next.set(name, value);
        else next.delete(name);
      }
      if (!("page" in change)) next.delete("page");
      const search = next.toString();
      const href = search ? `${pathname}?${search}` : pathname;
      if (shallow) window.history.replaceState(null, "", href);
      else router.replace(href, { scroll: false });
    },
    [pathname, router, searchParams, shallow],
  );
  return {
    values,
    active: Object.values(values).some(Boolean),
    set: write,
    clear: useCallback(() => write(Object.fromEntries(key.split(",").map((name) => [name, ""]))), [key, write]),
  };
}

export function FilterBar({
  label,
  fields,
  shallow = false,
  extraNames = [],
  summary,
  end,
  children,
  className,
}: {
  /** The accessible name of the search landmark, e.g. "Filter incidents". */
  label: string;
  fields: readonly FilterField[];
  /** See `useListFilters`. */
  shallow?: boolean;
  /** Filters set by `children` (status chips), cleared with the rest. */
  extraNames?: readonly string[];
  /** A line such as "3 incidents match", announced politely when it changes. */
  summary?: ReactNode;
  /** Something to show at the end of the row that is not announced, such as a live-data indicator. */
  end?: ReactNode;
  /** More filters under the fields, given the same filters to set. */
  children?: (filters: ListFilters) => ReactNode;
  className?: string;
}) {
  const filters = useListFilters([...fields.map((field) => field.name), ...extraNames], { shallow });
  const id = useId();
  return (
    <form
      role="search"
      aria-label={label}
      method="get"
      className={cn("mb-6 flex flex-col gap-4 rounded-md border border-border bg-surface p-4", className)}
      onSubmit={(event) => {
        // Enter in a search box applies at once; without JavaScript the form submits as a plain GET.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        filters.set(Object.fromEntries(fields.map((field) => [field.name, String(data.get(field.name) ?? "").trim()])));
      }}
    >
      <div className="flex flex-col gap-4 sm:flex-row sm:flex-wrap sm:items-end">
        {fields.map((field) =>
          field.kind === "search" ? (
            <SearchField key={field.name} id={`${id}-${field.name}`} field={field} value={filters.values[field.name]} onApply={(value) => filters.set({ [field.name]: value })} />
          ) : (
            <div key={field.name} className="flex flex-col gap-1.5">
              <Label htmlFor={`${id}-${field.name}`}>{field.label}</Label>
              {/* Native selects size to their longest option, so no choice is ever clipped. */}
              <Select
                id={`${id}-${field.name}`}
                name={field.name}
                value={filters.values[field.name]}
                onChange={(event) => filters.set({ [field.name]: event.target.value })}
                containerClassName="sm:w-auto"
                className="sm:w-auto sm:min-w-44"
              >
                <option value="">{field.anyLabel}</option>
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
            </div>
          ),
        )}
        {filters.active && (
          <Button type="button" variant="ghost" onClick={filters.clear} className="self-start sm:self-auto">
            <FilterX aria-hidden="true" /> Clear filters
          </Button>
        )}
        {summary !== undefined && (
          <p className="text-base text-fg-muted sm:ml-auto sm:self-center" aria-live="polite">
            {summary}
          </p>
        )}
        {end !== undefined && <div className="sm:ml-auto sm:self-center">{end}</div>}
      </div>
      {children?.(filters)}
    </form>
  );
}

function SearchField({ id, field, value, onApply }: { id: string; field: Extract<FilterField, { kind: "search" }>; value: string; onApply: (value: string) => void }) {
  const [text, setText] = useState(value);
  // The value this field last wrote: the address catching up with it must not overwrite newer typing.
  const written = useRef(value);
  useEffect(() => {
    if (value !== written.current) {
      written.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => {
      written.current = text.trim();
      onApply(text.trim());
    }, typingPauseMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `onApply` is a fresh closure each render; the timer restarts on text only
  }, [text, value]);
  return (
    <div className="flex flex-col gap-1.5 sm:w-72">
      <Label htmlFor={id}>{field.label}</Label>
      <div className="relative">
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-fg-muted" />
        <Input id={id} type="search" name={field.name} value={text} onChange={(event) => setText(event.target.value)} placeholder={field.placeholder} className="pl-10" />
      </div>
    </div>
  );
}

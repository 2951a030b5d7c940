"use client";
// The role catalogue: cards grouped by domain, filtered as you type by title, mission and responsibilities.
// "/" focuses the search from anywhere on the page; Escape clears it. The query is kept in the URL.
import Link from "next/link";
import { Plus, SearchX } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { buttonVariants } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { roleMatches, searchExamples } from "@/lib/agents/catalog-search";
import type { RoleTarget } from "@/lib/agents/types";

export interface CatalogRole {
  key: string;
  title: string;
  mission: string;
  responsibilities: string[];
  targets: RoleTarget[];
}

export interface CatalogGroup {
  domain: string;
  title: string;
  roles: CatalogRole[];
}

export function RoleCatalog({ groups, initialQuery }: { groups: CatalogGroup[]; initialQuery: string }) {
  const [query, setQuery] = useState(initialQuery);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const statusId = useId();

  const filtered = useMemo(
    () => groups.map((group) => ({ ...group, roles: group.roles.filter((role) => roleMatches(role, query)) })).filter((group) => group.roles.length > 0),
    [groups, query],
  );
  const total = groups.reduce((sum, group) => sum + group.roles.length, 0);
  const shown = filtered.reduce((sum, group) => sum + group.roles.length, 0);

  // Keep the query in the address so a filtered catalogue can be shared or reloaded.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (query.trim()) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    window.history.replaceState(window.history.state, "", url);
  }, [query]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
      if (event.key === "/" && !typing && !event.metaKey && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        input.current?.focus();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-2 sm:max-w-xl">
        <Label htmlFor={inputId}>Search the roles</Label>
        <Input
          ref={input}
          id={inputId}
          type="search"
          value={query}
          placeholder={`e.g. ${searchExamples.join(", ")}`}
          autoComplete="off"
          aria-describedby={statusId}
          aria-keyshortcuts="/"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape" && query) {
              event.preventDefault();
              setQuery("");
            }
          }}
          className="h-12 text-lg"
        />
        <p id={statusId} className="text-sm text-fg-muted" aria-live="polite">
          {query.trim() ? `${shown} of ${total} roles match` : `${total} roles · press / to search`}
        </p>
      </div>

      {filtered.length === 0 ? (
        <EmptyState
          icon={<SearchX />}
          title={`No role matches “${query.trim()}”`}
          description="Search looks at each role's title, mission and responsibilities. Try a broader word, such as Kubernetes, incident or network."
          action={
            <button type="button" className={buttonVariants({ variant: "secondary" })} onClick={() => setQuery("")}>
              Clear the search
            </button>
          }
        />
      ) : (
        filtered.map((group) => (
          <section key={group.domain} aria-labelledby={`domain-${group.domain}`} data-testid={`domain-${group.domain}`}>
            <h2 id={`domain-${group.domain}`} className="mb-4 flex items-baseline gap-3 text-2xl font-semibold">
              {group.title}
              <span className="text-base font-normal text-fg-muted">
                {group.roles.length} {group.roles.length === 1 ? "role" : "roles"}
              </span>
            </h2>
            <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              {group.roles.map((role) => (
                <li key={role.key}>
                  <RoleCard role={role} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}

function RoleCard({ role }: { role: CatalogRole }) {
  return (
    <article
      className="flex h-full flex-col gap-4 rounded-md border border-border bg-surface p-5 shadow-sm transition-colors focus-within:border-accent hover:border-border-strong"
      aria-labelledby={`role-${role.key}`}
      data-testid="role-card"
    >
      <div className="flex flex-col gap-2">
        <h3 id={`role-${role.key}`} className="text-xl font-semibold">
          <Link href={`/roles/${role.key}`} className="text-fg no-underline hover:underline">
            {role.title}
          </Link>
        </h3>
        <p className="text-base text-fg-muted">{role.mission}</p>
      </div>
      {role.targets.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Targets">
          {role.targets.map((target) => (
            <li key={target.label}>
              <Badge tone="info">
                {target.label}: {target.value}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-auto flex flex-wrap gap-x-1 gap-y-2 pt-2">
        <Link href={`/roles/${role.key}`} className={buttonVariants({ variant: "secondary", size: "sm" })} aria-label={`About the ${role.title}`}>
          About the role
        </Link>
        <Link href={`/requests/new?role=${role.key}`} className={buttonVariants({ variant: "ghost", size: "sm" })} aria-label={`Start a request to the ${role.title}`}>
          <Plus aria-hidden="true" /> Start a request
        </Link>
      </div>
    </article>
  );
}

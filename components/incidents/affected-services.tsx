"use client";
// The "Affected services" checkboxes of a declare form: the team's services, or a note that it has none.
import type { Dispatch, SetStateAction } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";

export interface ServiceChoice {
  slug: string;
  name: string;
  /** The line under the name, e.g. the slug and tier. */
  description: string;
}

export function AffectedServices({
  idPrefix,
  services,
  chosen,
  setChosen,
  teamName = "This team",
  error,
  wide = false,
}: {
  idPrefix: string;
  services: ServiceChoice[];
  chosen: string[];
  setChosen: Dispatch<SetStateAction<string[]>>;
  teamName?: string;
  error?: string;
  /** Three columns on large screens (the full-page form); two otherwise (dialogs). */
  wide?: boolean;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-base font-medium">Affected services</legend>
      {services.length === 0 ? (
        <p className="text-sm text-fg-muted">{teamName} has no services in the catalog yet; you can declare without them.</p>
      ) : (
        <div className={cn("grid gap-x-6 sm:grid-cols-2", wide && "lg:grid-cols-3")}>
          {services.map((service) => (
            <Checkbox
              key={service.slug}
              id={`${idPrefix}${service.slug}`}
              label={service.name}
              description={service.description}
              checked={chosen.includes(service.slug)}
              onCheckedChange={(checked) => setChosen((current) => (checked === true ? [...current, service.slug] : current.filter((slug) => slug !== service.slug)))}
            />
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-critical-fg">
          {error}
        </p>
      )}
    </fieldset>
  );
}

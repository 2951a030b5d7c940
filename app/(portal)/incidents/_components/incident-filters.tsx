// The list's filters: a plain GET form, so it works before any JavaScript and keeps the URL shareable.
import Link from "next/link";
import { Filter } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Label } from "@/components/ui/label";
import { incidentSeverities, severityDefinitions } from "@/lib/incidents/severity";
import { incidentStatuses, statusLabels } from "@/lib/incidents/status";

export function IncidentFilters({ status, severity }: { status?: string; severity?: string }) {
  return (
    <form method="get" action="/incidents" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter incidents">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="filter-status">Status</Label>
        <Select id="filter-status" name="status" defaultValue={status ?? ""} containerClassName="w-48">
          <option value="">Any status</option>
          <option value="active">Active (not resolved)</option>
          {incidentStatuses.map((value) => (
            <option key={value} value={value}>
              {statusLabels[value]}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="filter-severity">Severity</Label>
        <Select id="filter-severity" name="severity" defaultValue={severity ?? ""} containerClassName="w-52">
          <option value="">Any severity</option>
          <option value="major">Major (SEV1–SEV2)</option>
          {incidentSeverities.map((value) => (
            <option key={value} value={value}>
              {value} {severityDefinitions[value].name}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        <Filter aria-hidden="true" /> Apply filters
      </Button>
      {(status || severity) && (
        <Link href="/incidents" className="link py-2 text-base">
          Clear filters
        </Link>
      )}
    </form>
  );
}

"use client";
// The incident list's filters, through the shared filter bar: `?status=…&severity=…` in the address.
import { FilterBar } from "@/components/filters/filter-bar";
import { incidentSeverities, severityDefinitions } from "@/lib/incidents/severity";
import { incidentStatuses, statusLabels } from "@/lib/incidents/status";

const statusOptions = [{ value: "active", label: "Active (not resolved)" }, ...incidentStatuses.map((value) => ({ value, label: statusLabels[value] }))];
const severityOptions = [{ value: "major", label: "Major (SEV1–SEV2)" }, ...incidentSeverities.map((value) => ({ value, label: `${value} ${severityDefinitions[value].name}` }))];

export function IncidentFilters() {
  return (
    <FilterBar
      label="Filter incidents"
      fields={[
        { kind: "select", name: "status", label: "Status", anyLabel: "Any status", options: statusOptions },
        { kind: "select", name: "severity", label: "Severity", anyLabel: "Any severity", options: severityOptions },
      ]}
    />
  );
}

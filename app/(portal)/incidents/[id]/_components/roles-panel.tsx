"use client";
// The four incident roles: who holds each, since when, and a picker to assign or hand it over.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import type { IncidentRole } from "@/lib/generated/prisma/browser";
import type { IncidentDetailJson, PersonJson } from "@/lib/incidents/api-schemas";
import { incidentRoleDescriptions, incidentRoleLabels, incidentRoles } from "@/lib/incidents/incident-roles";
import { personName } from "@/lib/incidents/serialize";
import { assignRoleAction } from "../actions";
import { useIncidentMutation } from "./use-incident";

const hhmm = (iso: string) => `${iso.slice(11, 16)}`;

export function RolesPanel({ incident, responders, canEdit }: { incident: IncidentDetailJson; responders: PersonJson[]; canEdit: boolean }) {
  const assign = useIncidentMutation((input: { role: IncidentRole; userId: string | null }) => assignRoleAction(incident.id, input), {
    incidentId: incident.id,
    invalidates: ["detail", "timeline"],
    success: (_, input) => (input.userId ? `${incidentRoleLabels[input.role]}: ${personName(responders.find((person) => person.id === input.userId)!)}` : `${incidentRoleLabels[input.role]} unassigned`),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Roles</CardTitle>
        <CardDescription>Choosing someone else hands the role over; the timeline records it.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {incidentRoles.map((role) => {
          const holder = incident.roles.find((assignment) => assignment.role === role);
          const earlier = incident.roleHistory.filter((assignment) => assignment.role === role);
          const id = `role-${role.toLowerCase()}`;
          return (
            <div key={role} className="flex flex-col gap-1.5" data-testid={id}>
              <label htmlFor={id} className="text-base font-semibold">
                {incidentRoleLabels[role]}
              </label>
              {canEdit ? (
                <Select
                  id={id}
                  value={holder?.user.id ?? ""}
                  disabled={assign.isPending}
                  aria-describedby={`${id}-help`}
                  onChange={(event) => assign.mutate({ role, userId: event.target.value || null })}
                >
                  <option value="">Unassigned</option>
                  {responders.map((person) => (
                    <option key={person.id} value={person.id}>
                      {personName(person)}
                    </option>
                  ))}
                </Select>
              ) : (
                <p className="text-base">{holder ? personName(holder.user) : <span className="text-fg-muted">Unassigned</span>}</p>
              )}
              <p id={`${id}-help`} className="text-sm text-fg-muted">
                {holder ? `Since ${hhmm(holder.assignedAt)} UTC. ` : ""}
                {incidentRoleDescriptions[role]}
              </p>
              {earlier.length > 0 && (
                <p className="text-sm text-fg-muted">
                  Before: {earlier.map((assignment) => `${personName(assignment.user)} (${hhmm(assignment.assignedAt)}–${hhmm(assignment.endedAt!)})`).join(", ")}
                </p>
              )}
            </div>
          );
        })}
      </CardContent>
    </Card>
  );
}

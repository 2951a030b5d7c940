// One role's definition for the browser, in a module (and so a script chunk) of its own: see with-role.tsx.
import type { ReactNode } from "react";
import type { AnyRoleDefinition } from "@/lib/agents/types";
import { incidentResponder } from "@/lib/agents/incident-responder/definition";
import { RoleProvider } from "../role-context";

export function IncidentResponderRole({ children }: { children: ReactNode }) {
  return <RoleProvider role={incidentResponder as AnyRoleDefinition}>{children}</RoleProvider>;
}

// One role's definition for the browser, in a module (and so a script chunk) of its own: see with-role.tsx.
import type { ReactNode } from "react";
import type { AnyRoleDefinition } from "@/lib/agents/types";
import { devopsIncidentResponder } from "@/lib/agents/devops-incident-responder/definition";
import { RoleProvider } from "../role-context";

export function DevopsIncidentResponderRole({ children }: { children: ReactNode }) {
  return <RoleProvider role={devopsIncidentResponder as AnyRoleDefinition}>{children}</RoleProvider>;
}

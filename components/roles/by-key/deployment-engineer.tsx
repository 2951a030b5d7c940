// One role's definition for the browser, in a module (and so a script chunk) of its own: see with-role.tsx.
import type { ReactNode } from "react";
import type { AnyRoleDefinition } from "@/lib/agents/types";
import { deploymentEngineer } from "@/lib/agents/deployment-engineer/definition";
import { RoleProvider } from "../role-context";

export function DeploymentEngineerRole({ children }: { children: ReactNode }) {
  return <RoleProvider role={deploymentEngineer as AnyRoleDefinition}>{children}</RoleProvider>;
}

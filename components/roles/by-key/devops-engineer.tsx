// One role's definition for the browser, in a module (and so a script chunk) of its own: see with-role.tsx.
import type { ReactNode } from "react";
import type { AnyRoleDefinition } from "@/lib/agents/types";
import { devopsEngineer } from "@/lib/agents/devops-engineer/definition";
import { RoleProvider } from "../role-context";

export function DevopsEngineerRole({ children }: { children: ReactNode }) {
  return <RoleProvider role={devopsEngineer as AnyRoleDefinition}>{children}</RoleProvider>;
}

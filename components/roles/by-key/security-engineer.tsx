// One role's definition for the browser, in a module (and so a script chunk) of its own: see with-role.tsx.
import type { ReactNode } from "react";
import type { AnyRoleDefinition } from "@/lib/agents/types";
import { securityEngineer } from "@/lib/agents/security-engineer/definition";
import { RoleProvider } from "../role-context";

export function SecurityEngineerRole({ children }: { children: ReactNode }) {
  return <RoleProvider role={securityEngineer as AnyRoleDefinition}>{children}</RoleProvider>;
}

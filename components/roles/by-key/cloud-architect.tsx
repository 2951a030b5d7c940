// One role's definition for the browser, in a module (and so a script chunk) of its own: see with-role.tsx.
import type { ReactNode } from "react";
import type { AnyRoleDefinition } from "@/lib/agents/types";
import { cloudArchitect } from "@/lib/agents/cloud-architect/definition";
import { RoleProvider } from "../role-context";

export function CloudArchitectRole({ children }: { children: ReactNode }) {
  return <RoleProvider role={cloudArchitect as AnyRoleDefinition}>{children}</RoleProvider>;
}

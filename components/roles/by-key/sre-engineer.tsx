// One role's definition for the browser, in a module (and so a script chunk) of its own: see with-role.tsx.
import type { ReactNode } from "react";
import type { AnyRoleDefinition } from "@/lib/agents/types";
import { sreEngineer } from "@/lib/agents/sre-engineer/definition";
import { RoleProvider } from "../role-context";

export function SreEngineerRole({ children }: { children: ReactNode }) {
  return <RoleProvider role={sreEngineer as AnyRoleDefinition}>{children}</RoleProvider>;
}

// One role's definition for the browser, in a module (and so a script chunk) of its own: see with-role.tsx.
import type { ReactNode } from "react";
import type { AnyRoleDefinition } from "@/lib/agents/types";
import { networkEngineer } from "@/lib/agents/network-engineer/definition";
import { RoleProvider } from "../role-context";

export function NetworkEngineerRole({ children }: { children: ReactNode }) {
  return <RoleProvider role={networkEngineer as AnyRoleDefinition}>{children}</RoleProvider>;
}

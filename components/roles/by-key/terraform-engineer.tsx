// One role's definition for the browser, in a module (and so a script chunk) of its own: see with-role.tsx.
import type { ReactNode } from "react";
import type { AnyRoleDefinition } from "@/lib/agents/types";
import { terraformEngineer } from "@/lib/agents/terraform-engineer/definition";
import { RoleProvider } from "../role-context";

export function TerraformEngineerRole({ children }: { children: ReactNode }) {
  return <RoleProvider role={terraformEngineer as AnyRoleDefinition}>{children}</RoleProvider>;
}

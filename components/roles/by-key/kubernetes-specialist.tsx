// One role's definition for the browser, in a module (and so a script chunk) of its own: see with-role.tsx.
import type { ReactNode } from "react";
import type { AnyRoleDefinition } from "@/lib/agents/types";
import { kubernetesSpecialist } from "@/lib/agents/kubernetes-specialist/definition";
import { RoleProvider } from "../role-context";

export function KubernetesSpecialistRole({ children }: { children: ReactNode }) {
  return <RoleProvider role={kubernetesSpecialist as AnyRoleDefinition}>{children}</RoleProvider>;
}

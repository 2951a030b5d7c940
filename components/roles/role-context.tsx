"use client";
// The role a client component shows, given by the server page (components/roles/with-role.tsx) instead of
// imported: the registry holds all ten definitions, and a form, a preview or an answers view needs one.
import { createContext, use, type ReactNode } from "react";
import type { AnyRoleDefinition } from "@/lib/agents/types";

const RoleContext = createContext<AnyRoleDefinition | undefined>(undefined);

export function RoleProvider({ role, children }: { role: AnyRoleDefinition; children: ReactNode }) {
  return <RoleContext value={role}>{children}</RoleContext>;
}

/** The role given by the nearest <WithRole>; undefined when the page gave none (a role key no longer known). */
export function useRoleDefinition(): AnyRoleDefinition | undefined {
  return use(RoleContext);
}

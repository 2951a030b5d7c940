// The list of roles: the one place that knows them all. Pages, the API, the form renderer and the
// generators look roles up here, never by importing a role module directly.
import { NotFoundError } from "@/lib/errors";
import { roleDomains, roleKeys, type AnyRoleDefinition, type RoleDomain, type RoleKey } from "@/lib/agents/types";
import { deploymentEngineer } from "./deployment-engineer/definition";
import { kubernetesSpecialist } from "./kubernetes-specialist/definition";
import { networkEngineer } from "./network-engineer/definition";

const definitions: Partial<Record<RoleKey, AnyRoleDefinition>> = {
  "kubernetes-specialist": kubernetesSpecialist as AnyRoleDefinition,
  "deployment-engineer": deploymentEngineer as AnyRoleDefinition,
  "network-engineer": networkEngineer as AnyRoleDefinition,
};

/** Every role, in the catalogue's order (the order of `roleKeys`). */
export const roles: readonly AnyRoleDefinition[] = roleKeys.flatMap((key) => (definitions[key] ? [definitions[key]] : []));

export function isRoleKey(value: unknown): value is RoleKey {
  return typeof value === "string" && roles.some((role) => role.key === value);
}

/** The role with this key; an unknown key is a NotFoundError (404 at the edges). */
export function getRole(key: string): AnyRoleDefinition {
  const role = roles.find((candidate) => candidate.key === key);
  if (!role) throw new NotFoundError("Role");
  return role;
}

/** The roles grouped by domain, in the domains' order, each group in the catalogue's order. */
export function rolesByDomain(): { domain: RoleDomain; title: string; roles: AnyRoleDefinition[] }[] {
  return (Object.keys(roleDomains) as RoleDomain[]).map((domain) => ({
    domain,
    title: roleDomains[domain],
    roles: roles.filter((role) => role.domain === domain),
  }));
}

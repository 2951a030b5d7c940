// The list of roles: the one place that knows them all. Pages, the API and the generators look roles up
// here, never by importing a role module directly. Client components that show one role get it from
// <WithRole> (components/roles/with-role.tsx), which loads just that role's definition: importing this
// module in the browser ships all ten.
import { NotFoundError } from "@/lib/errors";
import { roleDomains, roleKeys, type AnyRoleDefinition, type RoleDomain, type RoleKey } from "@/lib/agents/types";
import { cloudArchitect } from "./cloud-architect/definition";
import { deploymentEngineer } from "./deployment-engineer/definition";
import { devopsEngineer } from "./devops-engineer/definition";
import { devopsIncidentResponder } from "./devops-incident-responder/definition";
import { incidentResponder } from "./incident-responder/definition";
import { kubernetesSpecialist } from "./kubernetes-specialist/definition";
import { networkEngineer } from "./network-engineer/definition";
import { securityEngineer } from "./security-engineer/definition";
import { sreEngineer } from "./sre-engineer/definition";
import { terraformEngineer } from "./terraform-engineer/definition";

// A Record over every RoleKey: adding a key to `roleKeys` without its definition fails the type check.
const definitions: Record<RoleKey, AnyRoleDefinition> = {
  "cloud-architect": cloudArchitect as AnyRoleDefinition,
  "terraform-engineer": terraformEngineer as AnyRoleDefinition,
  "kubernetes-specialist": kubernetesSpecialist as AnyRoleDefinition,
  "deployment-engineer": deploymentEngineer as AnyRoleDefinition,
  "sre-engineer": sreEngineer as AnyRoleDefinition,
  "incident-responder": incidentResponder as AnyRoleDefinition,
  "devops-incident-responder": devopsIncidentResponder as AnyRoleDefinition,
  "devops-engineer": devopsEngineer as AnyRoleDefinition,
  "network-engineer": networkEngineer as AnyRoleDefinition,
  "security-engineer": securityEngineer as AnyRoleDefinition,
};

/** Every role, in the catalogue's order (the order of `roleKeys`). */
export const roles: readonly AnyRoleDefinition[] = roleKeys.map((key) => definitions[key]);

export function isRoleKey(value: unknown): value is RoleKey {
  return typeof value === "string" && Object.hasOwn(definitions, value);
}

/** The role with this key; an unknown key is a NotFoundError (404 at the edges). */
export function getRole(key: string): AnyRoleDefinition {
  if (!isRoleKey(key)) throw new NotFoundError("Role");
  return definitions[key];
}

/** The roles grouped by domain, in the domains' order, each group in the catalogue's order. */
export function rolesByDomain(): { domain: RoleDomain; title: string; roles: AnyRoleDefinition[] }[] {
  return (Object.keys(roleDomains) as RoleDomain[]).map((domain) => ({
    domain,
    title: roleDomains[domain],
    roles: roles.filter((role) => role.domain === domain),
  }));
}

/** A role's title by key (for labels of collaborators and requests). */
export function roleTitle(key: RoleKey): string {
  return definitions[key].title;
}

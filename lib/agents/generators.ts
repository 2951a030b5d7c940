// The generators by role: the one place that maps a role to its generate.ts. Pure: nothing here touches
// the database; storing what a generator made is lib/artifacts/artifacts.server.ts's job.
import type { GeneratorResult, RoleGenerator } from "@/lib/agents/generator";
import { getRole } from "@/lib/agents/registry";
import type { FormValues, RoleKey } from "@/lib/agents/types";
import type { Issue } from "@/lib/errors";
import { validateRoleInput } from "@/lib/agents/form-logic";
import { cloudArchitectGenerator } from "./cloud-architect/generate";
import { deploymentEngineerGenerator } from "./deployment-engineer/generate";
import { devopsEngineerGenerator } from "./devops-engineer/generate";
import { devopsIncidentResponderGenerator } from "./devops-incident-responder/generate";
import { incidentResponderGenerator } from "./incident-responder/generate";
import { kubernetesSpecialistGenerator } from "./kubernetes-specialist/generate";
import { networkEngineerGenerator } from "./network-engineer/generate";
import { securityEngineerGenerator } from "./security-engineer/generate";
import { sreEngineerGenerator } from "./sre-engineer/generate";
import { terraformEngineerGenerator } from "./terraform-engineer/generate";

// A Record over every RoleKey: a role without a generator fails the type check.
const generators: Record<RoleKey, RoleGenerator<never>> = {
  "cloud-architect": cloudArchitectGenerator,
  "terraform-engineer": terraformEngineerGenerator,
  "kubernetes-specialist": kubernetesSpecialistGenerator,
  "deployment-engineer": deploymentEngineerGenerator,
  "sre-engineer": sreEngineerGenerator,
  "incident-responder": incidentResponderGenerator,
  "devops-incident-responder": devopsIncidentResponderGenerator,
  "devops-engineer": devopsEngineerGenerator,
  "network-engineer": networkEngineerGenerator,
  "security-engineer": securityEngineerGenerator,
};

export function getGenerator(role: RoleKey): RoleGenerator<unknown> {
  return generators[role] as RoleGenerator<unknown>;
}

/** Generates from input that already passed the role's schema (a stored revision's input has). */
export function generateFor(role: RoleKey, input: unknown): GeneratorResult {
  return getGenerator(role).generate(input);
}

export type PreviewResult = { ok: true; result: GeneratorResult; version: string } | { ok: false; issues: Issue[] };

/** Validates raw form values exactly as submitting does, then generates: the live preview. */
export function previewFor(role: RoleKey, values: FormValues): PreviewResult {
  const validation = validateRoleInput(getRole(role), values);
  if (!validation.success) return { ok: false, issues: validation.issues };
  const generator = getGenerator(role);
  return { ok: true, result: generator.generate(validation.data), version: generator.version };
}

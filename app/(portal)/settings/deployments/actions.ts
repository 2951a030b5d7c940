"use server";
// Actions of Settings → Deployments: each authenticates, calls one lib function and answers an ActionResult.
// Authorization (maintainers and owners) is in the lib.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/forms/run-action.server";
import type { ActionResult } from "@/lib/forms/action-result";
import { createDeploymentHook, deleteDeploymentHook, rotateDeploymentHookSecret, type DeploymentHookView } from "@/lib/deployments/hooks.server";

const revalidate = () => revalidatePath("/settings/deployments");

export async function createHookAction(team: string, input: { service: string; provider: string }): Promise<ActionResult<DeploymentHookView & { secret: string }>> {
  const result = await runAction((actor) => createDeploymentHook(actor, { ...input, team }));
  if (result.ok) revalidate();
  return result;
}

export async function rotateHookSecretAction(id: string): Promise<ActionResult<DeploymentHookView & { secret: string }>> {
  const result = await runAction((actor) => rotateDeploymentHookSecret(actor, id));
  revalidate();
  return result;
}

export async function deleteHookAction(id: string): Promise<ActionResult<null>> {
  const result = await runAction(async (actor) => {
    await deleteDeploymentHook(actor, id);
    return null;
  });
  revalidate();
  return result;
}

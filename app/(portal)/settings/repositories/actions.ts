"use server";
// Repository actions of Settings → Repositories: each authenticates, calls one lib function and answers an
// ActionResult (field errors keyed by path, conflict on a stale version). Authorization is in the lib.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/forms/run-action.server";
import type { ActionResult } from "@/lib/forms/action-result";
import type { ConnectionReport } from "@/lib/artifacts/publisher";
import {
  createRepository,
  deleteRepository,
  setAutoPublishRules,
  testRepositoryConnection,
  updateRepository,
  type RepositoryView,
} from "@/lib/artifacts/repositories.server";
import type { AutoPublishInput, CreateRepositoryInput, UpdateRepositoryInput } from "@/lib/artifacts/repository-schema";
import { publisher } from "@/lib/integrations/registry";

const revalidate = () => revalidatePath("/settings/repositories");

export async function createRepositoryAction(team: string, input: CreateRepositoryInput): Promise<ActionResult<RepositoryView>> {
  const result = await runAction((actor) => createRepository(actor, team, input));
  if (result.ok) revalidate();
  return result;
}

export async function updateRepositoryAction(id: string, input: UpdateRepositoryInput): Promise<ActionResult<RepositoryView>> {
  const result = await runAction((actor) => updateRepository(actor, id, input));
  revalidate();
  return result;
}

export async function deleteRepositoryAction(id: string): Promise<ActionResult<null>> {
  const result = await runAction(async (actor) => {
    await deleteRepository(actor, id);
    return null;
  });
  revalidate();
  return result;
}

export async function testRepositoryAction(id: string): Promise<ActionResult<ConnectionReport & { checkedAt: string }>> {
  const result = await runAction((actor) => testRepositoryConnection(actor, id, publisher));
  revalidate();
  return result;
}

export async function saveAutoPublishAction(team: string, input: AutoPublishInput): Promise<ActionResult<null>> {
  const result = await runAction(async (actor) => {
    await setAutoPublishRules(actor, team, input);
    return null;
  });
  if (result.ok) revalidate();
  return result;
}

"use server";
// Actions of Settings → Data sources: each authenticates, calls one lib function and answers an
// ActionResult (field errors keyed by path, conflict on a stale version). Authorization is in the lib.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/forms/run-action.server";
import type { ActionResult } from "@/lib/forms/action-result";
import { createDataSource, deleteDataSource, testDataSource, updateDataSource, type DataSourceView } from "@/lib/slo/data-sources.server";
import type { CreateDataSourceInput, UpdateDataSourceInput } from "@/lib/slo/data-source-schema";
import type { SourceTestReport } from "@/lib/slo/sli-source";
import { sliSource } from "@/lib/integrations/registry";

const revalidate = () => revalidatePath("/settings/data-sources");

export async function createDataSourceAction(team: string, input: CreateDataSourceInput): Promise<ActionResult<DataSourceView>> {
  const result = await runAction((actor) => createDataSource(actor, team, input));
  if (result.ok) revalidate();
  return result;
}

export async function updateDataSourceAction(id: string, input: UpdateDataSourceInput): Promise<ActionResult<DataSourceView>> {
  const result = await runAction((actor) => updateDataSource(actor, id, input));
  revalidate();
  return result;
}

export async function deleteDataSourceAction(id: string): Promise<ActionResult<null>> {
  const result = await runAction(async (actor) => {
    await deleteDataSource(actor, id);
    return null;
  });
  revalidate();
  return result;
}

export async function testDataSourceAction(id: string): Promise<ActionResult<SourceTestReport & { checkedAt: string }>> {
  const result = await runAction((actor) => testDataSource(actor, id, sliSource));
  revalidate();
  return result;
}

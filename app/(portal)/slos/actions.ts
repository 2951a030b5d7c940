"use server";
// SLO actions: each authenticates, calls one lib function and maps the result to form state.
import { revalidatePath } from "next/cache";
import { requireActionActor } from "@/lib/auth/session";
import { errorToFormState, formValues, type FormState } from "@/lib/forms/form-state";
import type { SliKindValue } from "@/lib/slo/schema";
import { createSlo, deleteSlo, updateSlo } from "@/lib/slo/slos.server";
import { sliSource } from "@/lib/integrations/registry";

function sloInput(values: Record<string, string>) {
  return {
    name: values.name,
    slug: values.slug,
    description: values.description ?? "",
    sliKind: values.sliKind as SliKindValue,
    goodQuery: values.goodQuery,
    totalQuery: values.totalQuery,
    latencyMetric: values.latencyMetric,
    latencyThresholdMs: values.latencyThresholdMs,
    objective: values.objective,
    windowDays: values.windowDays,
    alerting: (values.alerting ?? "false") as "true" | "false" | "on",
    dataSourceId: values.dataSourceId ?? null,
    alertMinEvents: values.alertMinEvents,
  };
}

export async function createSloAction(_: FormState<{ id: string }>, formData: FormData): Promise<FormState<{ id: string }>> {
  const values = formValues(formData);
  try {
    const actor = await requireActionActor();
    const slo = await createSlo(actor, { ...sloInput(values), serviceId: values.serviceId }, { sliSource });
    revalidatePath("/slos");
    revalidatePath(`/services/${slo.serviceId}`);
    return { status: "success", message: `Created ${slo.name}.`, data: { id: slo.id } };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function updateSloAction(_: FormState<{ id: string }>, formData: FormData): Promise<FormState<{ id: string }>> {
  const values = formValues(formData);
  try {
    const actor = await requireActionActor();
    const slo = await updateSlo(actor, values.id, { ...sloInput(values), updatedAt: values.updatedAt }, { sliSource });
    revalidatePath("/slos");
    revalidatePath(`/slos/${slo.id}`);
    revalidatePath(`/services/${slo.serviceId}`);
    return { status: "success", message: `Saved ${slo.name}.`, data: { id: slo.id } };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function deleteSloAction(sloId: string): Promise<{ ok: boolean; message?: string; serviceId?: string }> {
  try {
    const actor = await requireActionActor();
    const { serviceId } = await deleteSlo(actor, sloId);
    revalidatePath("/slos");
    revalidatePath(`/services/${serviceId}`);
    return { ok: true, serviceId };
  } catch (error) {
    return { ok: false, message: errorToFormState(error).message };
  }
}

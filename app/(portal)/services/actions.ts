"use server";
// Service catalog actions: each authenticates, calls one lib function and maps the result to form state.
import { revalidatePath } from "next/cache";
import { requireActionActor } from "@/lib/auth/session";
import { errorToFormState, formValues, type FormState } from "@/lib/forms/form-state";
import { createService, deleteService, updateService } from "@/lib/services/services.server";
import type { ServiceLifecycleValue } from "@/lib/services/schema";

function serviceInput(values: Record<string, string>) {
  return {
    name: values.name,
    slug: values.slug,
    tier: values.tier,
    lifecycle: values.lifecycle as ServiceLifecycleValue,
    description: values.description ?? "",
    repoUrl: values.repoUrl ?? "",
    runbookUrl: values.runbookUrl ?? "",
    dashboardUrl: values.dashboardUrl ?? "",
  };
}

export async function createServiceAction(_: FormState<{ id: string }>, formData: FormData): Promise<FormState<{ id: string }>> {
  const values = formValues(formData);
  try {
    const actor = await requireActionActor();
    const service = await createService(actor, values.team, serviceInput(values));
    revalidatePath("/services");
    return { status: "success", message: `Created ${service.name}.`, data: { id: service.id } };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function updateServiceAction(_: FormState<{ id: string }>, formData: FormData): Promise<FormState<{ id: string }>> {
  const values = formValues(formData);
  try {
    const actor = await requireActionActor();
    const service = await updateService(actor, values.id, { ...serviceInput(values), updatedAt: values.updatedAt });
    revalidatePath("/services");
    revalidatePath(`/services/${service.id}`);
    return { status: "success", message: `Saved ${service.name}.`, data: { id: service.id } };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function deleteServiceAction(serviceId: string): Promise<{ ok: boolean; message?: string }> {
  try {
    const actor = await requireActionActor();
    await deleteService(actor, serviceId);
    revalidatePath("/services");
    revalidatePath("/slos");
    return { ok: true };
  } catch (error) {
    return { ok: false, message: errorToFormState(error).message };
  }
}

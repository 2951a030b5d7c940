"use server";
// Declaring an incident from the portal: authenticate, call the lib, then open the new incident's page.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionActor } from "@/lib/auth/session";
import { errorToFormState, formValues, type FormState } from "@/lib/forms/form-state";
import { declareIncident } from "@/lib/incidents/incidents.server";
import type { DeclareIncidentInput } from "@/lib/incidents/schema";

export async function declareIncidentAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let incidentId: string;
  try {
    const actor = await requireActionActor();
    const { team, title, severity, services, summary } = values;
    // The lib validates every field; the form's strings go to it as they are.
    incidentId = (await declareIncident(actor, { team, title, severity: severity as DeclareIncidentInput["severity"], services, summary })).id;
  } catch (error) {
    return errorToFormState(error, values);
  }
  revalidatePath("/incidents");
  redirect(`/incidents/${incidentId}`);
}

"use server";
// The request page's links to other domains: adopt the SLOs an SRE request describes, and declare an
// incident from an incident-responder request. Authenticate, call one lib function, revalidate.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionActor } from "@/lib/auth/session";
import { errorToFormState, formValues, type FormState } from "@/lib/forms/form-state";
import type { ActionResult } from "@/lib/forms/action-result";
import { runAction } from "@/lib/forms/run-action.server";
import { declareIncidentFromRequest } from "@/lib/incidents/from-request.server";
import type { DeclareIncidentInput } from "@/lib/incidents/schema";
import type { AdoptionResult, AdoptSlosInput } from "@/lib/slo/adoption";
import { adoptSlosFromRequest } from "@/lib/slo/adoption.server";

export async function adoptSlosAction(requestId: string, input: AdoptSlosInput): Promise<ActionResult<AdoptionResult>> {
  const result = await runAction((actor) => adoptSlosFromRequest(actor, requestId, input));
  if (result.ok) {
    revalidatePath(`/requests/${requestId}`);
    revalidatePath("/slos");
  }
  return result;
}

export async function declareFromRequestAction(requestId: string, _: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let incidentId: string;
  try {
    const actor = await requireActionActor();
    const { title, severity, services, summary, type, customerImpact } = values;
    // The lib validates every field; the form's strings go to it as they are.
    incidentId = (
      await declareIncidentFromRequest(actor, requestId, {
        title,
        severity: severity as DeclareIncidentInput["severity"],
        services,
        summary,
        type: type as DeclareIncidentInput["type"],
        customerImpact: customerImpact ?? "false",
      })
    ).id;
  } catch (error) {
    return errorToFormState(error, values);
  }
  revalidatePath("/incidents");
  revalidatePath(`/requests/${requestId}`);
  redirect(`/incidents/${incidentId}`);
}

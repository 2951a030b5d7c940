"use server";
// Targets actions: each authenticates, calls one lib function and maps the result to form state.
import { revalidatePath } from "next/cache";
import { requireActionActor } from "@/lib/auth/session";
import { errorToFormState, formValues, type FormState } from "@/lib/forms/form-state";
import { resetTargetOverride, setTargetOverride } from "@/lib/deployments/targets.server";

export async function saveTargetAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const actor = await requireActionActor();
    if (values.intent === "reset") await resetTargetOverride(actor, values.team, values);
    else await setTargetOverride(actor, values.team, values);
    revalidatePath("/dora/targets");
    return { status: "success", message: values.intent === "reset" ? "Back to the role's target." : "Saved the team's target." };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

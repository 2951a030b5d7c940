"use server";
// Notification endpoint actions: each authenticates, calls one lib function, and maps the result to form
// state (the forms) or to { ok, message } (the buttons). Authorization is checked again in the lib.
import { revalidatePath } from "next/cache";
import { requireActionActor } from "@/lib/auth/session";
import { ConflictError } from "@/lib/errors";
import { errorToFormState, formValues, type FormState } from "@/lib/forms/form-state";
import {
  createEndpoint,
  deleteEndpoint,
  redeliver,
  rotateEndpointSecret,
  sendTestEvent,
  updateEndpoint,
} from "@/lib/notifications/endpoints.server";
import type { EndpointKindValue } from "@/lib/notifications/schema";

/** What the add form gets back: the new endpoint, and a webhook's signing secret (this once only). */
export interface CreatedEndpoint {
  id: string;
  name: string;
  kind: EndpointKindValue;
  secret: string | null;
}

/** An edit answered 409: the form offers to reload instead of showing field errors. */
export interface EditOutcome {
  stale?: boolean;
}

export type ButtonResult = { ok: true; message?: string } | { ok: false; message: string; stale?: boolean };

// The paused-endpoints banner is in the portal layout, so a change can show on every page.
function revalidateNotifications() {
  revalidatePath("/", "layout");
}

/** The event types of a form: one `eventTypes` entry per checked box (formValues keeps only the last). */
function eventTypesOf(formData: FormData): string[] {
  return formData.getAll("eventTypes").filter((value): value is string => typeof value === "string");
}

/** A 409 about a stale `version` (the lib adds the current one); other conflicts, e.g. redelivering a waiting delivery, are not. */
function isStale(error: unknown): boolean {
  return error instanceof ConflictError && typeof (error.details as { currentVersion?: unknown } | undefined)?.currentVersion === "number";
}

function failure(error: unknown): ButtonResult {
  return { ok: false, message: errorToFormState(error).message ?? "Not done", stale: isStale(error) || undefined };
}

// Failed submits do not echo the values back: the forms keep their own state, and a Slack URL is a credential.
export async function createEndpointAction(_: FormState<CreatedEndpoint>, formData: FormData): Promise<FormState<CreatedEndpoint>> {
  const values = formValues(formData);
  try {
    const actor = await requireActionActor();
    const { endpoint, secret } = await createEndpoint(actor, values.team ?? "", {
      kind: values.kind as EndpointKindValue,
      name: values.name ?? "",
      url: values.url ?? "",
      eventTypes: eventTypesOf(formData),
    });
    revalidateNotifications();
    return { status: "success", message: `Added “${endpoint.name}”.`, data: { id: endpoint.id, name: endpoint.name, kind: endpoint.kind, secret } };
  } catch (error) {
    return errorToFormState(error);
  }
}

export async function updateEndpointAction(_: FormState<EditOutcome>, formData: FormData): Promise<FormState<EditOutcome>> {
  const values = formValues(formData);
  const url = values.url?.trim();
  try {
    const actor = await requireActionActor();
    const endpoint = await updateEndpoint(actor, values.id ?? "", {
      version: Number(values.version),
      name: values.name ?? "",
      // An empty URL keeps the stored one, which the page never has (it is encrypted and only shown shortened).
      ...(url ? { url } : {}),
      eventTypes: eventTypesOf(formData),
    });
    revalidateNotifications();
    return { status: "success", message: `Saved “${endpoint.name}”.` };
  } catch (error) {
    if (isStale(error)) return { ...errorToFormState(error), data: { stale: true } };
    return errorToFormState(error);
  }
}

export async function setEndpointEnabledAction(id: string, version: number, enabled: boolean): Promise<ButtonResult> {
  try {
    const endpoint = await updateEndpoint(await requireActionActor(), id, { version, enabled });
    revalidateNotifications();
    return { ok: true, message: `${enabled ? "Enabled" : "Disabled"} “${endpoint.name}”` };
  } catch (error) {
    return failure(error);
  }
}

export async function resumeEndpointAction(id: string, version: number): Promise<ButtonResult> {
  try {
    const endpoint = await updateEndpoint(await requireActionActor(), id, { version, paused: false });
    revalidateNotifications();
    return { ok: true, message: `Resumed “${endpoint.name}”: waiting deliveries go out again` };
  } catch (error) {
    return failure(error);
  }
}

export async function rotateEndpointSecretAction(id: string): Promise<{ ok: true; secret: string; previousValidUntil: string | null } | { ok: false; message: string }> {
  try {
    const { endpoint, secret } = await rotateEndpointSecret(await requireActionActor(), id);
    revalidateNotifications();
    return { ok: true, secret, previousValidUntil: endpoint.previousSecretValidUntil };
  } catch (error) {
    return { ok: false, message: errorToFormState(error).message ?? "Not rotated" };
  }
}

export async function deleteEndpointAction(id: string): Promise<ButtonResult> {
  try {
    await deleteEndpoint(await requireActionActor(), id);
    revalidateNotifications();
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export async function sendTestEventAction(id: string): Promise<ButtonResult> {
  try {
    await sendTestEvent(await requireActionActor(), id);
    revalidateNotifications();
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export async function redeliverAction(endpointId: string, deliveryId: string): Promise<ButtonResult> {
  try {
    await redeliver(await requireActionActor(), endpointId, deliveryId);
    revalidateNotifications();
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

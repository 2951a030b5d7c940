"use server";
// Team settings actions: each authenticates, calls one lib function, and maps the result to form state.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { CURRENT_TEAM_COOKIE, requireActionActor } from "@/lib/auth/session";
import { errorToFormState, formValues, type FormState } from "@/lib/forms/form-state";
import { addMember, changeMemberRole, createTeam, removeMember } from "@/lib/teams/teams.server";
import { createToken, revokeToken } from "@/lib/tokens/tokens.server";
import type { TeamRole } from "@/lib/generated/prisma/browser";

function revalidateSettings() {
  revalidatePath("/", "layout");
}

export async function createTeamAction(_: FormState<{ slug: string }>, formData: FormData): Promise<FormState<{ slug: string }>> {
  const values = formValues(formData);
  try {
    const actor = await requireActionActor();
    const team = await createTeam(actor, { name: values.name, slug: values.slug, description: values.description ?? "" });
    (await cookies()).set(CURRENT_TEAM_COOKIE, team.slug, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
    revalidateSettings();
    return { status: "success", message: `Created ${team.name}. It is now your current team.`, data: { slug: team.slug } };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function addMemberAction(_: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const actor = await requireActionActor();
    await addMember(actor, values.team, { email: values.email, role: values.role as TeamRole });
    revalidateSettings();
    return { status: "success", message: `Added ${values.email.trim().toLowerCase()}.` };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function changeMemberRoleAction(team: string, membershipId: string, role: TeamRole): Promise<{ ok: boolean; message?: string }> {
  try {
    const actor = await requireActionActor();
    await changeMemberRole(actor, team, { membershipId, role });
    revalidateSettings();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: errorToFormState(error).message };
  }
}

export async function removeMemberAction(team: string, membershipId: string): Promise<{ ok: boolean; message?: string }> {
  try {
    const actor = await requireActionActor();
    await removeMember(actor, team, { membershipId });
    revalidateSettings();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: errorToFormState(error).message };
  }
}

export async function createTokenAction(_: FormState<{ secret: string; name: string }>, formData: FormData): Promise<FormState<{ secret: string; name: string }>> {
  const values = formValues(formData);
  try {
    const actor = await requireActionActor();
    const { token, secret } = await createToken(actor, values.team, { name: values.name, expiresInDays: values.expiresInDays });
    revalidateSettings();
    return { status: "success", message: `Created the token “${token.name}”.`, data: { secret, name: token.name } };
  } catch (error) {
    return errorToFormState(error, values);
  }
}

export async function revokeTokenAction(team: string, tokenId: string): Promise<{ ok: boolean; message?: string }> {
  try {
    const actor = await requireActionActor();
    await revokeToken(actor, team, { tokenId });
    revalidateSettings();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: errorToFormState(error).message };
  }
}

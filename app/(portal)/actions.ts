"use server";
// Shell-wide server actions.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { CURRENT_TEAM_COOKIE, requireActionActor } from "@/lib/auth/session";
import { teamAccess } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";

/** Remembers the chosen team for this browser. Only the caller's own teams can be chosen. */
export async function switchTeamAction(slug: string): Promise<{ ok: boolean; message?: string }> {
  try {
    const actor = await requireActionActor();
    const { team } = await teamAccess(getDb(), actor, { slug: String(slug) });
    (await cookies()).set(CURRENT_TEAM_COOKIE, team.slug, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
    revalidatePath("/", "layout");
    return { ok: true };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message: error.message };
    throw error;
  }
}

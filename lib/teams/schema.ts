// Team and membership input schemas: shared by the settings forms, the server actions, the API and the CLI.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { teamRoles } from "@/lib/auth/roles";

export const teamSlugSchema = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters")
  .max(40, "Use at most 40 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, e.g. payments-core");

export const createTeamSchema = z.object({
  name: text().trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters"),
  slug: teamSlugSchema,
  description: text().trim().max(500, "Use at most 500 characters").default(""),
});
export type CreateTeamInput = z.input<typeof createTeamSchema>;

export const teamRoleSchema = z.enum(teamRoles, { error: "Choose owner, maintainer, member or viewer" });

export const emailSchema = text().trim().toLowerCase().pipe(z.email("Enter a valid email address"));

export const addMemberSchema = z.object({
  email: emailSchema,
  role: teamRoleSchema.default("MEMBER"),
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const changeMemberRoleSchema = z.object({
  membershipId: text().min(1),
  role: teamRoleSchema,
});

export const removeMemberSchema = z.object({ membershipId: text().min(1) });

/** A slug suggestion from a team name: "Payments Core" → "payments-core". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}

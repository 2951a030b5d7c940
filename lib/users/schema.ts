// User account input: shared by the admin CLI and the sign-in form.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { emailSchema } from "@/lib/teams/schema";

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

export const createUserSchema = z.object({
  email: emailSchema,
  name: text().trim().min(1, "Enter a name").max(100, "Use at most 100 characters"),
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: text().min(1, "Enter your password").max(200),
});

// API token input: a name and an optional expiry in days.
import { z } from "zod";
import { text } from "@/lib/validation/text";

export const tokenExpiryChoices = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
] as const;

export const createTokenSchema = z.object({
  name: text().trim().min(2, "Use at least 2 characters").max(60, "Use at most 60 characters"),
  expiresInDays: z
    .union([z.literal("never"), z.coerce.number().int("Use whole days").min(1, "At least 1 day").max(3650, "At most 10 years")])
    .optional()
    .transform((value) => (value === "never" || value === undefined ? null : value)),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({ tokenId: text().min(1) });

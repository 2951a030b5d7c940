// Service catalog input schemas: shared by the service forms, their server actions and the API.
import { z } from "zod";
import { serviceLifecycles } from "@/lib/services/labels";
import { text } from "@/lib/validation/text";
import { teamSlugSchema } from "@/lib/teams/schema";

export const serviceTiers = [1, 2, 3, 4] as const;

export { tierLabels, tierDescriptions, serviceLifecycles, lifecycleLabels, type ServiceLifecycleValue } from "@/lib/services/labels";

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** An optional http(s) link: "" and null both mean none. */
const optionalUrl = (example: string) =>
  z
    .string()
    .trim()
    .max(500, "Use at most 500 characters")
    .refine((value) => value === "" || isHttpUrl(value), `Enter a full http(s) URL, e.g. ${example}`)
    .transform((value) => value || null)
    .nullable()
    .optional();

export const serviceFieldsSchema = z.object({
  name: text().trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters"),
  slug: teamSlugSchema,
  tier: z.coerce
    .number({ error: "Choose a tier from 1 to 4" })
    .int("Choose a tier from 1 to 4")
    .min(1, "Choose a tier from 1 to 4")
    .max(4, "Choose a tier from 1 to 4"),
  lifecycle: z.enum(serviceLifecycles, { error: "Choose experimental, production or deprecated" }),
  description: text().trim().max(2000, "Use at most 2,000 characters").optional(),
  repoUrl: optionalUrl("https://github.com/acme/checkout"),
  runbookUrl: optionalUrl("https://wiki.example.com/runbooks/checkout"),
  dashboardUrl: optionalUrl("https://grafana.example.com/d/checkout"),
});

/** Creating a service: everything but the links and description is required. */
export const createServiceSchema = serviceFieldsSchema;
export type CreateServiceInput = z.input<typeof createServiceSchema>;

/** An optimistic-lock token: the `updatedAt` the editor saw; a newer row means someone else changed it (409). */
export const expectedVersionSchema = z.iso.datetime({ error: "Send the updatedAt you last read" }).optional();

/** Changing a service: any subset of the fields, plus the version the caller last saw. */
export const updateServiceSchema = serviceFieldsSchema.partial().extend({ updatedAt: expectedVersionSchema });
export type UpdateServiceInput = z.input<typeof updateServiceSchema>;

export const serviceSortKeys = ["name", "tier", "lifecycle", "updatedAt"] as const;
export type ServiceSortKey = (typeof serviceSortKeys)[number];

/** The list's filters, from a URL's search parameters. Bad values fall back to defaults rather than failing. */
export const serviceListQuerySchema = z.object({
  q: text().trim().max(100).optional().catch(undefined),
  tier: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  lifecycle: z.enum(serviceLifecycles).optional().catch(undefined),
  sort: z.enum(serviceSortKeys).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type ServiceListQuery = z.infer<typeof serviceListQuerySchema>;

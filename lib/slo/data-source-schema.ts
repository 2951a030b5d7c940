// Data sources of SLIs (Settings → Data sources, its server actions and the API): a Prometheus-compatible
// HTTP API URL, optional bearer or basic sign-in, TLS verification and a time limit.
import { z } from "zod";
import { text } from "@/lib/validation/text";

export const dataSourceAuthKinds = ["NONE", "BEARER", "BASIC"] as const;
export type DataSourceAuthKindValue = (typeof dataSourceAuthKinds)[number];

export const dataSourceAuthLabels: Record<DataSourceAuthKindValue, string> = { NONE: "None", BEARER: "Bearer token", BASIC: "Username and password" };

export const dataSourceUrlSchema = text()
  .trim()
  .min(1, "Enter the Prometheus API's URL, e.g. https://prometheus.example.com")
  .max(2_000, "Use at most 2,000 characters")
  .superRefine((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: "custom", message: "Enter a full URL, e.g. https://prometheus.example.com" });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") context.addIssue({ code: "custom", message: "Use an http:// or https:// URL" });
    else if (url.username || url.password) context.addIssue({ code: "custom", message: "Put credentials in the sign-in fields, not in the URL" });
    else if (url.search || url.hash) context.addIssue({ code: "custom", message: "Give the base URL without a query or fragment" });
    else if (/\/api\/v1\/?$/.test(url.pathname)) context.addIssue({ code: "custom", message: "Give the base URL, without /api/v1 (the portal adds it)" });
  });

const secret = (label: string) => text().min(1, `Enter the ${label}`).max(4_000, "Use at most 4,000 characters");

export const dataSourceAuthSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("NONE") }),
    z.object({ kind: z.literal("BEARER"), token: secret("token") }),
    z.object({ kind: z.literal("BASIC"), username: text().trim().min(1, "Enter the username").max(200), password: secret("password") }),
  ],
  { error: "Choose how the portal signs in: NONE, BEARER or BASIC" },
);

const name = text().trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters");
const timeoutMs = z.number({ error: "Enter the time limit in milliseconds" }).int("Use whole milliseconds").min(500, "Use at least 500 ms").max(60_000, "Use at most 60,000 ms");
const tlsVerify = z.boolean({ error: "Choose true or false" });

export const createDataSourceSchema = z.object({
  name,
  url: dataSourceUrlSchema,
  auth: dataSourceAuthSchema.default({ kind: "NONE" }),
  tlsVerify: tlsVerify.default(true),
  timeoutMs: timeoutMs.default(10_000),
});
export type CreateDataSourceInput = z.input<typeof createDataSourceSchema>;

export const updateDataSourceSchema = z.object({
  version: z.number({ error: "Send the version you edited" }).int().min(1),
  name: name.optional(),
  url: dataSourceUrlSchema.optional(),
  /** Omitted: the stored credentials stay. */
  auth: dataSourceAuthSchema.optional(),
  tlsVerify: tlsVerify.optional(),
  timeoutMs: timeoutMs.optional(),
});
export type UpdateDataSourceInput = z.input<typeof updateDataSourceSchema>;

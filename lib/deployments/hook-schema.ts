// The input for creating a deployment webhook receiver.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { deploymentHookProviders } from "@/lib/deployments/webhook-format";

export const createHookSchema = z.object({
  team: text().trim().min(1).max(100).optional(),
  service: text().trim().min(1).max(100),
  provider: z.enum(deploymentHookProviders),
});

export const createHookSchemaForDocs = createHookSchema;

// The shape of one documented API operation. Each domain lists its own in `lib/<domain>/openapi.ts`;
// lib/openapi/document.ts is the one place that gathers them into the OpenAPI document.
import type { z } from "zod";

type Method = "get" | "post" | "patch" | "put" | "delete";

export interface Operation {
  method: Method;
  path: string;
  summary: string;
  tags: string[];
  auth?: boolean;
  params?: { name: string; in: "path" | "query"; description: string; required?: boolean; schema?: object }[];
  body?: z.ZodType;
  /** `contentType` defaults to application/json; e.g. application/yaml for the SLO exports. */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

/** An event the portal sends to subscribed endpoints, documented as an OpenAPI 3.1 `webhooks` entry. */
export interface WebhookEventDoc {
  summary: string;
  envelope: z.ZodType;
}

// Response shapes of the public API, as zod schemas: the OpenAPI document is built from them.
import { z } from "zod";
import { teamRoles } from "@/lib/auth/roles";

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "invalid" }),
      message: z.string(),
      issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string(), code: z.string().optional() })).optional(),
    }),
  })
  .meta({ id: "Error" });

export const userSchema = z.object({ id: z.string(), email: z.email(), name: z.string().nullable() }).meta({ id: "User" });

export const teamSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), description: z.string(), role: z.enum(teamRoles) })
  .meta({ id: "Team" });

export const meSchema = z
  .object({
    user: userSchema.nullable().describe("The signed-in user, or the user who created the token"),
    via: z.enum(["session", "token"]),
    token: z.object({ id: z.string(), teamSlug: z.string() }).optional(),
    teams: z.array(teamSchema),
  })
  .meta({ id: "Me" });

export const memberSchema = z
  .object({ id: z.string(), role: z.enum(teamRoles), joinedAt: z.iso.datetime(), user: userSchema })
  .meta({ id: "Member" });

export const livenessSchema = z.object({ status: z.literal("ok"), uptimeSeconds: z.number().int() }).meta({ id: "Liveness" });

export const readinessSchema = z
  .object({
    status: z.enum(["ready", "unavailable"]),
    ready: z.boolean(),
    database: z.object({ reachable: z.boolean(), latencyMs: z.number().optional(), reason: z.string().optional() }),
    migrations: z.object({ expected: z.number().int(), applied: z.number().int(), pending: z.array(z.string()) }),
    reason: z.string().optional(),
  })
  .meta({ id: "Readiness" });

export const healthSchema = z
  .object({ status: z.enum(["ok", "unavailable"]), database: z.object({ reachable: z.boolean(), latencyMs: z.number().optional(), reason: z.string().optional() }) })
  .meta({ id: "Health" });

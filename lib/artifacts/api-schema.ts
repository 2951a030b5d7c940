// The artifacts API's shapes as zod schemas: the revision query parameter the routes parse, and the
// response bodies the OpenAPI document publishes. Client-safe.
import { z } from "zod";
import { artifactKinds } from "@/lib/agents/generator";
import { roleKeys } from "@/lib/agents/types";

/** `?revision=n`: absent means the current revision; anything but a positive integer is 422. */
export const revisionQuerySchema = z.object({
  revision: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, "The revision is a whole number from 1")
    .transform(Number)
    .optional(),
});

/** The form's answers as the form holds them: validated by the role's own schema, not here. */
export const previewBodySchema = z.record(z.string(), z.unknown(), { error: "Send the form's answers as a JSON object" });

export const summaryFigureSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    value: z.union([z.string(), z.number()]),
    unit: z.string().optional(),
    detail: z.string().optional(),
  })
  .meta({ id: "SummaryFigure" });

const artifactFields = {
  path: z.string().describe("Where the file goes in the delivered tree, e.g. modules/network/main.tf"),
  kind: z.enum(artifactKinds),
  mediaType: z.string().describe("e.g. text/x-hcl, application/yaml, text/vnd.mermaid"),
  content: z.string(),
};

export const previewArtifactSchema = z.object(artifactFields).meta({ id: "PreviewArtifact" });

export const storedArtifactSchema = z
  .object({ ...artifactFields, sha256: z.string().describe("Hex sha256 of the UTF-8 content"), size: z.number().int().describe("Bytes of the UTF-8 content") })
  .meta({ id: "StoredArtifact" });

export const previewResponseSchema = z
  .object({ summary: z.array(summaryFigureSchema), artifacts: z.array(previewArtifactSchema), generatorVersion: z.string() })
  .meta({ id: "ArtifactsPreview" });

export const revisionArtifactsSchema = z
  .object({
    requestId: z.string(),
    title: z.string(),
    role: z.object({ key: z.enum(roleKeys), title: z.string() }),
    team: z.object({ slug: z.string(), name: z.string() }),
    revision: z.number().int().describe("The revision these artifacts belong to"),
    revisions: z.array(z.number().int()).describe("Every revision number of the request, newest first"),
    generatorVersion: z.string(),
    summary: z.array(summaryFigureSchema),
    artifacts: z.array(storedArtifactSchema).describe("In the generator's order"),
    diagrams: z.array(storedArtifactSchema).describe("The Mermaid ones among `artifacts`"),
  })
  .meta({ id: "RevisionArtifacts" });

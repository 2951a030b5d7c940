// The shape the artifact components draw: a stored artifact (with sha256 and size) or a previewed one.
import type { SummaryFigure } from "@/lib/agents/generator";
import { mermaidMediaType } from "@/lib/artifacts/schema";

export interface ArtifactFile {
  path: string;
  kind: string;
  mediaType: string;
  content: string;
  /** Present for stored artifacts; previews are not hashed. */
  sha256?: string;
  size?: number;
}

export const isDiagram = (artifact: { mediaType: string }) => artifact.mediaType === mermaidMediaType;

export type { SummaryFigure };

// What the portal stores and serves of a generator's output: the files of one request revision, each with
// its sha256, and the revision's key figures. Client-safe: types only.
import type { ArtifactKind, SummaryFigure } from "@/lib/agents/generator";
import type { RoleKey } from "@/lib/agents/types";

export const mermaidMediaType = "text/vnd.mermaid";

export interface StoredArtifact {
  path: string;
  kind: ArtifactKind;
  mediaType: string;
  content: string;
  /** Hex sha256 of the UTF-8 content. */
  sha256: string;
  /** Bytes of the UTF-8 content. */
  size: number;
}

export interface RevisionArtifacts {
  requestId: string;
  title: string;
  role: { key: RoleKey; title: string };
  team: { slug: string; name: string };
  /** The revision these artifacts belong to. */
  revision: number;
  /** Every revision number of the request, newest first. */
  revisions: number[];
  /** The version of the role's generator that made them. */
  generatorVersion: string;
  summary: SummaryFigure[];
  /** In the generator's order. */
  artifacts: StoredArtifact[];
  /** The Mermaid ones among `artifacts`. */
  diagrams: StoredArtifact[];
}

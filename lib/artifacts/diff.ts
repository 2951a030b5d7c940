// What changed in the artifacts between two revisions: files added, removed, changed (by sha256) and
// unchanged, and for a changed file its unified line diff (hunks with 3 lines of context, jsdiff).
import { structuredPatch } from "diff";

/** The fields of a stored artifact the comparison needs. */
export interface ComparableArtifact {
  path: string;
  content: string;
  sha256: string;
  size: number;
}

export type FileChangeStatus = "added" | "removed" | "changed" | "unchanged";

export interface FileChange<A extends ComparableArtifact = ComparableArtifact> {
  path: string;
  status: FileChangeStatus;
  before?: A;
  after?: A;
}

export interface ArtifactsDiff<A extends ComparableArtifact = ComparableArtifact> {
  files: FileChange<A>[];
  counts: Record<FileChangeStatus, number>;
}

/**
 * Compares two revisions' artifacts by path. Files are listed in the newer revision's order, then the
 * removed ones in the older revision's order, so the list reads like the tree being delivered.
 */
export function diffArtifacts<A extends ComparableArtifact>(from: readonly A[], to: readonly A[]): ArtifactsDiff<A> {
  const before = new Map(from.map((artifact) => [artifact.path, artifact]));
  const afterPaths = new Set(to.map((artifact) => artifact.path));
  const files: FileChange<A>[] = [];
  for (const after of to) {
    const old = before.get(after.path);
    if (!old) files.push({ path: after.path, status: "added", after });
    else files.push({ path: after.path, status: old.sha256 === after.sha256 && old.content === after.content ? "unchanged" : "changed", before: old, after });
  }
  for (const old of from) if (!afterPaths.has(old.path)) files.push({ path: old.path, status: "removed", before: old });
  const counts: Record<FileChangeStatus, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const file of files) counts[file.status] += 1;
  return { files, counts };
}

export type DiffLineKind = "context" | "added" | "removed";

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  /** Line numbers in the old and the new file (absent on the side where the line does not exist). */
  oldNumber?: number;
  newNumber?: number;
}

export interface DiffHunk {
  /** "@@ -12,7 +12,9 @@", as `diff -u` writes it. */
  header: string;
  lines: DiffLine[];
}

export interface LineDiff {
  hunks: DiffHunk[];
  added: number;
  removed: number;
}

/** The unified line diff of two texts, 3 lines of context around each change. */
export function lineDiff(before: string, after: string, context = 3): LineDiff {
  const patch = structuredPatch("a", "b", before, after, undefined, undefined, { context });
  let added = 0;
  let removed = 0;
  const hunks = patch.hunks.map((hunk): DiffHunk => {
    let oldNumber = hunk.oldStart;
    let newNumber = hunk.newStart;
    const lines: DiffLine[] = [];
    for (const line of hunk.lines) {
      const marker = line[0];
      const text = line.slice(1);
      // jsdiff marks a missing final newline with a "\ No newline at end of file" line.
      if (marker === "\\") continue;
      if (marker === "+") {
        added += 1;
        lines.push({ kind: "added", text, newNumber: newNumber++ });
      } else if (marker === "-") {
        removed += 1;
        lines.push({ kind: "removed", text, oldNumber: oldNumber++ });
      } else {
        lines.push({ kind: "context", text, oldNumber: oldNumber++, newNumber: newNumber++ });
      }
    }
    return { header: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, lines };
  });
  return { hunks, added, removed };
}

// The day-2 merge of a publication's directory, file by file: base = what the portal generated last time,
// ours = what it generates now, theirs = what is in the repository now. People's edits survive; lines both
// changed become a conflict written with markers (node-diff3); a file the portal drops is deleted only if
// nobody edited it. Pure: maps in, maps and a report out.
import { merge } from "node-diff3";
import type { ConflictKind, MergeConflict } from "@/lib/artifacts/publisher";

export interface DirectoryMerge {
  /** The directory's files after the merge (relative paths). */
  files: Map<string, string>;
  added: string[];
  updated: string[];
  merged: string[];
  deleted: string[];
  keptEdits: string[];
  conflicts: MergeConflict[];
}

export interface MergeLabels {
  ours: string;
  theirs: string;
}

const lines = (text: string) => text.split("\n");

/** A three-way line merge; `base` "" for two files that both appeared. */
export function mergeText(ours: string, base: string, theirs: string, labels: MergeLabels): { text: string; conflict: boolean } {
  const result = merge(lines(ours), lines(base), lines(theirs), { label: { a: labels.ours, b: labels.theirs } });
  return { text: result.result.join("\n"), conflict: result.conflict };
}

/**
 * Merges one directory. `base` is null on a first publication (nothing generated before: a file that is
 * already there and differs is a both-added conflict).
 */
export function mergeDirectory(base: Map<string, string> | null, ours: Map<string, string>, theirs: Map<string, string>, labels: MergeLabels): DirectoryMerge {
  const out: DirectoryMerge = { files: new Map(theirs), added: [], updated: [], merged: [], deleted: [], keptEdits: [], conflicts: [] };
  const conflict = (path: string, kind: ConflictKind) => out.conflicts.push({ path, kind });
  const paths = new Set([...(base?.keys() ?? []), ...ours.keys(), ...theirs.keys()]);
  for (const path of [...paths].sort()) {
    const b = base?.get(path);
    const o = ours.get(path);
    const t = theirs.get(path);
    if (o !== undefined) {
      if (t === undefined) {
        if (b === undefined) {
          out.files.set(path, o);
          out.added.push(path);
        } else if (o !== b) {
          // Deleted in the repository, changed by the portal: put the new version back and say so.
          out.files.set(path, o);
          conflict(path, "deleted-in-repository");
        }
        // else: deleted by people, unchanged by the portal: stays deleted.
        continue;
      }
      if (t === o) continue;
      if (b === undefined) {
        const result = mergeText(o, "", t, labels);
        out.files.set(path, result.text);
        if (result.conflict) conflict(path, "both-added");
        else out.merged.push(path);
        continue;
      }
      if (t === b) {
        out.files.set(path, o);
        out.updated.push(path);
        continue;
      }
      if (o === b) {
        out.keptEdits.push(path);
        continue;
      }
      const result = mergeText(o, b, t, labels);
      out.files.set(path, result.text);
      if (result.conflict) conflict(path, "content");
      else out.merged.push(path);
      continue;
    }
    // The portal does not generate this file (any more).
    if (b === undefined || t === undefined) continue; // someone else's file, or gone already
    if (t === b) {
      out.files.delete(path);
      out.deleted.push(path);
    } else {
      out.keptEdits.push(path);
    }
  }
  return out;
}

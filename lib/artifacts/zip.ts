// The zip of a revision's artifacts: every file at its path under one folder named after the request and
// revision, with a fixed file date so the same artifacts always give the same bytes (fflate, no I/O).
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { slugify } from "@/lib/teams/schema";

/**
 * Zip entries carry a DOS date in local time; a Date built from local components gives the same
 * 1980-01-01 00:00 (the earliest DOS date) in every time zone, so the archive does not depend on the
 * server's zone.
 */
const FIXED_FILE_DATE = () => new Date(1980, 0, 1, 0, 0, 0);

/** "checkout-api-on-eks-r3": the download's name and its top folder. */
export function zipBaseName(title: string, revision: number): string {
  return `${slugify(title) || "request"}-r${revision}`;
}

/** The zip of the files under `folder/`, in the given order. Paths are the artifacts' own. */
export function zipArtifacts(folder: string, files: readonly { path: string; content: string }[]): Uint8Array {
  const mtime = FIXED_FILE_DATE();
  const entries: Zippable = {};
  for (const file of files) entries[`${folder}/${file.path.replace(/^\/+/, "")}`] = [strToU8(file.content), { mtime }];
  return zipSync(entries, { level: 6, mtime });
}

/** The files of a zip with their text (for tests and checks). */
export function listZip(bytes: Uint8Array): { path: string; content: string }[] {
  return Object.entries(unzipSync(bytes)).map(([path, data]) => ({ path, content: strFromU8(data) }));
}

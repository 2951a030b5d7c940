import { describe, expect, it } from "vitest";
import { mergeDirectory, mergeText } from "@/lib/integrations/git/three-way";

const labels = { ours: "portal", theirs: "repository" };
const map = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe("mergeText", () => {
  it("keeps both sides' changes to different lines, and marks same-line changes", () => {
    const base = "a\nb\nc\nd\ne\n";
    expect(mergeText("A\nb\nc\nd\ne\n", base, "a\nb\nc\nd\nE\n", labels)).toEqual({ text: "A\nb\nc\nd\nE\n", conflict: false });
    const clash = mergeText("a\nb\nPORTAL\nd\ne\n", base, "a\nb\nHUMAN\nd\ne\n", labels);
    expect(clash.conflict).toBe(true);
    expect(clash.text).toBe("a\nb\n<<<<<<< portal\nPORTAL\n=======\nHUMAN\n>>>>>>> repository\nd\ne\n");
  });
});

describe("mergeDirectory", () => {
  it("adds new files, updates unedited ones and keeps files people edited that the portal did not change", () => {
    const base = map({ "a.tf": "1\n", "b.tf": "2\n" });
    const ours = map({ "a.tf": "1 new\n", "b.tf": "2\n", "c.tf": "3\n" });
    const theirs = map({ "a.tf": "1\n", "b.tf": "2 edited\n", "README.md": "mine\n" });
    const result = mergeDirectory(base, ours, theirs, labels);
    expect(Object.fromEntries(result.files)).toEqual({ "a.tf": "1 new\n", "b.tf": "2 edited\n", "c.tf": "3\n", "README.md": "mine\n" });
    expect(result).toMatchObject({ added: ["c.tf"], updated: ["a.tf"], keptEdits: ["b.tf"], merged: [], deleted: [], conflicts: [] });
  });

  it("deletes a dropped file only when nobody edited it", () => {
    const base = map({ "old.tf": "x\n", "edited.tf": "y\n", "keep.tf": "k\n" });
    const ours = map({ "keep.tf": "k\n" });
    const theirs = map({ "old.tf": "x\n", "edited.tf": "y changed by a person\n", "keep.tf": "k\n" });
    const result = mergeDirectory(base, ours, theirs, labels);
    expect([...result.files.keys()].sort()).toEqual(["edited.tf", "keep.tf"]);
    expect(result.deleted).toEqual(["old.tf"]);
    expect(result.keptEdits).toEqual(["edited.tf"]);
  });

  it("reports conflicts: same lines, a file both added differently, and one deleted by people but changed by the portal", () => {
    const base = map({ "same.tf": "a\nb\nc\n", "gone.tf": "g\n", "unchanged-gone.tf": "u\n" });
    const ours = map({ "same.tf": "a\nB-portal\nc\n", "gone.tf": "g2\n", "unchanged-gone.tf": "u\n", "new.tf": "portal\n" });
    const theirs = map({ "same.tf": "a\nB-human\nc\n", "new.tf": "human\n" });
    const result = mergeDirectory(base, ours, theirs, labels);
    expect(result.conflicts).toEqual([
      { path: "gone.tf", kind: "deleted-in-repository" },
      { path: "new.tf", kind: "both-added" },
      { path: "same.tf", kind: "content" },
    ]);
    expect(result.files.get("same.tf")).toContain("<<<<<<< portal\nB-portal\n=======\nB-human\n>>>>>>> repository");
    expect(result.files.get("gone.tf")).toBe("g2\n");
    expect(result.files.has("unchanged-gone.tf")).toBe(false);
  });

  it("merges the portal's new lines with a person's edit of other lines of the same file", () => {
    const base = map({ "main.tf": "region = \"eu-west-1\"\n\nsize = 3\n\ntags = {}\n" });
    const ours = map({ "main.tf": "region = \"eu-central-1\"\n\nsize = 3\n\ntags = {}\n" });
    const theirs = map({ "main.tf": "region = \"eu-west-1\"\n\nsize = 3\n\ntags = { owner = \"ops\" }\n" });
    const result = mergeDirectory(base, ours, theirs, labels);
    expect(result.files.get("main.tf")).toBe("region = \"eu-central-1\"\n\nsize = 3\n\ntags = { owner = \"ops\" }\n");
    expect(result.merged).toEqual(["main.tf"]);
  });

  it("on a first publication, takes what is there when it is identical and marks a differing file as both added", () => {
    const result = mergeDirectory(null, map({ "a.tf": "same\n", "b.tf": "portal\n" }), map({ "a.tf": "same\n", "b.tf": "theirs\n" }), labels);
    expect(result.conflicts).toEqual([{ path: "b.tf", kind: "both-added" }]);
    expect(result.added).toEqual([]);
  });
});

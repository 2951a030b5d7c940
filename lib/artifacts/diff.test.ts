import { describe, expect, it } from "vitest";
import { diffArtifacts, lineDiff } from "./diff";

const file = (path: string, content: string, sha256 = content) => ({ path, content, sha256, size: content.length });

describe("diffArtifacts", () => {
  it("lists added, removed, changed and unchanged files, new order first then removed", () => {
    const from = [file("a.md", "one\n"), file("gone.tf", "x\n"), file("same.yaml", "k: v\n")];
    const to = [file("same.yaml", "k: v\n"), file("new.json", "{}\n"), file("a.md", "two\n")];
    const diff = diffArtifacts(from, to);
    expect(diff.files.map((f) => [f.path, f.status])).toEqual([
      ["same.yaml", "unchanged"],
      ["new.json", "added"],
      ["a.md", "changed"],
      ["gone.tf", "removed"],
    ]);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect(diff.files[2].before?.content).toBe("one\n");
    expect(diff.files[2].after?.content).toBe("two\n");
  });

  it("finds nothing between a revision and itself", () => {
    const files = [file("a", "1"), file("b", "2")];
    expect(diffArtifacts(files, files).counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 2 });
  });
});

describe("lineDiff", () => {
  it("gives hunks with 3 lines of context, line numbers on each side and counts", () => {
    const before = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"].join("\n") + "\n";
    const after = ["1", "2", "3", "4", "five", "6", "7", "8", "9", "10", "11"].join("\n") + "\n";
    const diff = lineDiff(before, after);
    expect(diff.added).toBe(2);
    expect(diff.removed).toBe(1);
    expect(diff.hunks).toHaveLength(1);
    const [hunk] = diff.hunks;
    expect(hunk.header).toBe("@@ -2,9 +2,10 @@");
    expect(hunk.lines[0]).toEqual({ kind: "context", text: "2", oldNumber: 2, newNumber: 2 });
    expect(hunk.lines.find((line) => line.kind === "removed")).toEqual({ kind: "removed", text: "5", oldNumber: 5 });
    expect(hunk.lines.find((line) => line.kind === "added")).toEqual({ kind: "added", text: "five", newNumber: 5 });
    expect(hunk.lines.at(-1)).toEqual({ kind: "added", text: "11", newNumber: 11 });
  });

  it("splits distant changes into separate hunks and ignores the no-newline marker", () => {
    const lines = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`);
    const changed = [...lines];
    changed[1] = "second";
    changed[28] = "twenty-ninth";
    const diff = lineDiff(lines.join("\n"), changed.join("\n"));
    expect(diff.hunks).toHaveLength(2);
    expect(diff.hunks.flatMap((hunk) => hunk.lines).every((line) => !line.text.startsWith(" No newline"))).toBe(true);
    expect(diff.added).toBe(2);
    expect(diff.removed).toBe(2);
  });

  it("has no hunks for equal texts", () => {
    expect(lineDiff("a\nb\n", "a\nb\n")).toEqual({ hunks: [], added: 0, removed: 0 });
  });
});

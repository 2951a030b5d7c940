import { describe, expect, it } from "vitest";
import { ancestorsOf, buildFileTree, folderPaths, moveInTree, visibleRows, type FolderNode } from "./file-tree";

const paths = ["main.tf", "modules/network/main.tf", "README.md", "modules/network/outputs.tf", "adr/0001-x.md", "modules/compute/main.tf"];

const names = (folder: FolderNode): unknown => folder.children.map((child) => (child.type === "folder" ? { [child.name]: names(child) } : child.name));

describe("buildFileTree", () => {
  it("makes folders from the paths, folders first, then files, each by name", () => {
    expect(names(buildFileTree(paths))).toEqual([
      { adr: ["0001-x.md"] },
      { modules: [{ compute: ["main.tf"] }, { network: ["main.tf", "outputs.tf"] }] },
      "README.md",
      "main.tf",
    ]);
  });

  it("keeps each file's full path and each folder's path", () => {
    const tree = buildFileTree(paths);
    const modules = tree.children[1] as FolderNode;
    expect(modules.path).toBe("modules");
    const network = modules.children[1] as FolderNode;
    expect(network.path).toBe("modules/network");
    expect(network.children[1]).toEqual({ type: "file", name: "outputs.tf", path: "modules/network/outputs.tf" });
    expect(folderPaths(tree)).toEqual(["adr", "modules", "modules/compute", "modules/network"]);
  });

  it("ignores empty segments and duplicate paths", () => {
    expect(names(buildFileTree(["/a//b.txt", "a/b.txt", ""]))).toEqual([{ a: ["b.txt"] }]);
  });
});

describe("visibleRows and moveInTree", () => {
  const tree = buildFileTree(paths);

  it("shows a folder's children only when it is expanded, with levels", () => {
    expect(visibleRows(tree, new Set()).map((row) => row.node.path)).toEqual(["adr", "modules", "README.md", "main.tf"]);
    const rows = visibleRows(tree, new Set(["modules", "modules/network"]));
    expect(rows.map((row) => [row.node.path, row.level])).toEqual([
      ["adr", 1],
      ["modules", 1],
      ["modules/compute", 2],
      ["modules/network", 2],
      ["modules/network/main.tf", 3],
      ["modules/network/outputs.tf", 3],
      ["README.md", 1],
      ["main.tf", 1],
    ]);
  });

  it("moves like a WAI-ARIA tree: up, down, home, end, right opens then enters, left closes then leaves", () => {
    let expanded: ReadonlySet<string> = new Set();
    const step = (focus: string, key: Parameters<typeof moveInTree>[3]) => {
      const result = moveInTree(visibleRows(tree, expanded), expanded, focus, key);
      expanded = result.expanded;
      return result.focus;
    };
    expect(step("adr", "ArrowDown")).toBe("modules");
    expect(step("modules", "ArrowRight")).toBe("modules");
    expect(expanded.has("modules")).toBe(true);
    expect(step("modules", "ArrowRight")).toBe("modules/compute");
    expect(step("modules/compute", "ArrowLeft")).toBe("modules");
    expect(step("modules", "ArrowLeft")).toBe("modules");
    expect(expanded.has("modules")).toBe(false);
    expect(step("modules", "End")).toBe("main.tf");
    expect(step("main.tf", "ArrowDown")).toBe("main.tf");
    expect(step("main.tf", "Home")).toBe("adr");
    expect(step("adr", "ArrowUp")).toBe("adr");
    expect(step("main.tf", "ArrowRight")).toBe("main.tf");
  });

  it("lists the folders that contain a path", () => {
    expect(ancestorsOf("a/b/c.tf")).toEqual(["a", "a/b"]);
    expect(ancestorsOf("c.tf")).toEqual([]);
  });
});

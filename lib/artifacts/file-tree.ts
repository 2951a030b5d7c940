// The file tree of a revision's artifacts: folders from the paths ("modules/network/main.tf"), folders first,
// then files, each by name, and the rows a tree view shows for a set of expanded folders (for keyboard moves).

export interface FileNode {
  type: "file";
  name: string;
  /** The artifact's full path. */
  path: string;
}

export interface FolderNode {
  type: "folder";
  name: string;
  /** The folder's path without a trailing slash; "" for the root. */
  path: string;
  children: TreeNode[];
}

export type TreeNode = FileNode | FolderNode;

/** Ordinal comparison, so the order is the same in every locale (and in the zip). */
const byName = (a: TreeNode, b: TreeNode) => (a.type !== b.type ? (a.type === "folder" ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Builds the tree of the given file paths. Empty segments ("a//b", a leading "/") are ignored. */
export function buildFileTree(paths: readonly string[]): FolderNode {
  const root: FolderNode = { type: "folder", name: "", path: "", children: [] };
  for (const path of paths) {
    const segments = path.split("/").filter(Boolean);
    if (segments.length === 0) continue;
    let folder = root;
    for (const segment of segments.slice(0, -1)) {
      const folderPath = folder.path ? `${folder.path}/${segment}` : segment;
      let next = folder.children.find((child): child is FolderNode => child.type === "folder" && child.name === segment);
      if (!next) {
        next = { type: "folder", name: segment, path: folderPath, children: [] };
        folder.children.push(next);
      }
      folder = next;
    }
    const name = segments.at(-1)!;
    if (!folder.children.some((child) => child.type === "file" && child.name === name)) folder.children.push({ type: "file", name, path });
  }
  sortTree(root);
  return root;
}

function sortTree(folder: FolderNode) {
  folder.children.sort(byName);
  for (const child of folder.children) if (child.type === "folder") sortTree(child);
}

/** Every folder path of the tree (to expand them all). */
export function folderPaths(tree: FolderNode): string[] {
  const result: string[] = [];
  const walk = (folder: FolderNode) => {
    for (const child of folder.children) {
      if (child.type === "folder") {
        result.push(child.path);
        walk(child);
      }
    }
  };
  walk(tree);
  return result;
}

export interface VisibleRow {
  node: TreeNode;
  /** 1 for the root's children (aria-level). */
  level: number;
  /** The containing folder's path ("" at the top), for "move to parent". */
  parent: string;
}

/** The rows a tree view shows, top to bottom: a folder's children only when it is expanded. */
export function visibleRows(tree: FolderNode, expanded: ReadonlySet<string>): VisibleRow[] {
  const rows: VisibleRow[] = [];
  const walk = (folder: FolderNode, level: number) => {
    for (const node of folder.children) {
      rows.push({ node, level, parent: folder.path });
      if (node.type === "folder" && expanded.has(node.path)) walk(node, level + 1);
    }
  };
  walk(tree, 1);
  return rows;
}

/** The folders that contain a path (to reveal a file): "a/b/c.tf" → ["a", "a/b"]. */
export function ancestorsOf(path: string): string[] {
  const segments = path.split("/").filter(Boolean);
  return segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join("/"));
}

export type TreeKey = "ArrowDown" | "ArrowUp" | "ArrowRight" | "ArrowLeft" | "Home" | "End";

/**
 * The WAI-ARIA tree view keys: up/down move, right opens a closed folder or steps into an open one, left
 * closes an open folder or steps out to the parent, Home/End jump. Answers the row to focus and the new
 * set of expanded folders.
 */
export function moveInTree(rows: VisibleRow[], expanded: ReadonlySet<string>, focused: string, key: TreeKey): { focus: string; expanded: ReadonlySet<string> } {
  const index = Math.max(0, rows.findIndex((row) => row.node.path === focused));
  const row = rows[index];
  const stay = { focus: row?.node.path ?? focused, expanded };
  if (!row) return stay;
  switch (key) {
    case "ArrowDown":
      return { focus: rows[Math.min(rows.length - 1, index + 1)].node.path, expanded };
    case "ArrowUp":
      return { focus: rows[Math.max(0, index - 1)].node.path, expanded };
    case "Home":
      return { focus: rows[0].node.path, expanded };
    case "End":
      return { focus: rows[rows.length - 1].node.path, expanded };
    case "ArrowRight":
      if (row.node.type !== "folder") return stay;
      if (!expanded.has(row.node.path)) return { focus: row.node.path, expanded: new Set([...expanded, row.node.path]) };
      return rows[index + 1]?.parent === row.node.path ? { focus: rows[index + 1].node.path, expanded } : stay;
    case "ArrowLeft":
      if (row.node.type === "folder" && expanded.has(row.node.path)) {
        const next = new Set(expanded);
        next.delete(row.node.path);
        return { focus: row.node.path, expanded: next };
      }
      return row.parent ? { focus: row.parent, expanded } : stay;
  }
}

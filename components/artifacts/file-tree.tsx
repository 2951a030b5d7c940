"use client";
// FileTree: the artifacts as folders and files (a WAI-ARIA tree: arrow keys move, open and close, Home/End
// jump, Enter or Space opens a file). One tab stop; the focused row follows the selection.
import { ChevronRight, FileCode2, Folder, FolderOpen, Workflow } from "lucide-react";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { ancestorsOf, buildFileTree, folderPaths, moveInTree, visibleRows, type TreeKey } from "@/lib/artifacts/file-tree";
import { cn } from "@/components/ui/cn";
import { isDiagram, type ArtifactFile } from "./types";

const treeKeys = new Set<string>(["ArrowDown", "ArrowUp", "ArrowRight", "ArrowLeft", "Home", "End"]);

export function FileTree({ artifacts, selected, onSelect, label = "Artifact files" }: { artifacts: ArtifactFile[]; selected: string | undefined; onSelect: (path: string) => void; label?: string }) {
  const tree = useMemo(() => buildFileTree(artifacts.map((artifact) => artifact.path)), [artifacts]);
  const byPath = useMemo(() => new Map(artifacts.map((artifact) => [artifact.path, artifact])), [artifacts]);
  // Every folder starts open: trees are small, and seeing every file at once is the point.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(folderPaths(tree)));
  const [focused, setFocused] = useState<string | undefined>(selected);
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  const rows = visibleRows(tree, expanded);
  // The row with the tab stop: the focused one if still shown, else the selected file's nearest shown row.
  const shownPaths = new Set(rows.map((row) => row.node.path));
  const tabStop =
    (focused && shownPaths.has(focused) && focused) ||
    (selected && [selected, ...ancestorsOf(selected).reverse()].find((path) => shownPaths.has(path))) ||
    rows[0]?.node.path;

  function focusRow(path: string) {
    setFocused(path);
    rowRefs.current.get(path)?.focus();
  }

  function toggle(path: string) {
    const next = new Set(expanded);
    if (next.has(path)) next.delete(path);
    else next.add(path);
    setExpanded(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (!tabStop) return;
    const row = rows.find((candidate) => candidate.node.path === tabStop);
    if (treeKeys.has(event.key)) {
      event.preventDefault();
      const result = moveInTree(rows, expanded, tabStop, event.key as TreeKey);
      setExpanded(result.expanded);
      // Focus after the rows for the new expansion exist.
      requestAnimationFrame(() => focusRow(result.focus));
    } else if ((event.key === "Enter" || event.key === " ") && row) {
      event.preventDefault();
      if (row.node.type === "file") onSelect(row.node.path);
      else toggle(row.node.path);
    }
  }

  return (
    <ul role="tree" aria-label={label} className="flex flex-col gap-0.5 text-base" onKeyDown={onKeyDown}>
      {rows.map(({ node, level }) => {
        const isFolder = node.type === "folder";
        const open = isFolder && expanded.has(node.path);
        const isSelected = !isFolder && node.path === selected;
        const artifact = byPath.get(node.path);
        const Icon = isFolder ? (open ? FolderOpen : Folder) : artifact && isDiagram(artifact) ? Workflow : FileCode2;
        return (
          <li
            key={node.path}
            ref={(element) => {
              if (element) rowRefs.current.set(node.path, element);
              else rowRefs.current.delete(node.path);
            }}
            role="treeitem"
            aria-level={level}
            aria-expanded={isFolder ? open : undefined}
            aria-selected={isFolder ? undefined : isSelected}
            tabIndex={node.path === tabStop ? 0 : -1}
            title={node.path}
            data-path={node.path}
            onFocus={() => setFocused(node.path)}
            onClick={(event) => {
              event.stopPropagation();
              setFocused(node.path);
              if (isFolder) toggle(node.path);
              else onSelect(node.path);
            }}
            className={cn(
              "flex min-h-9 cursor-pointer items-center gap-2 rounded-md py-1 pr-2 outline-none select-none",
              "hover:bg-surface-muted focus-visible:ring-2 focus-visible:ring-focus",
              isSelected && "bg-info-soft font-semibold text-info-fg hover:bg-info-soft",
            )}
            style={{ paddingLeft: `${0.5 + (level - 1) * 1.25}rem` }}
          >
            {isFolder ? (
              <ChevronRight aria-hidden="true" className={cn("size-4 shrink-0 text-fg-muted transition-transform", open && "rotate-90")} />
            ) : (
              <span aria-hidden="true" className="w-4 shrink-0" />
            )}
            <Icon aria-hidden="true" className="size-4 shrink-0 text-fg-muted" />
            <span className="truncate">{node.name}</span>
          </li>
        );
      })}
    </ul>
  );
}

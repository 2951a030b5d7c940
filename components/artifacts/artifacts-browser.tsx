"use client";
// ArtifactsBrowser: the file tree beside the selected file's viewer. Starts on the first diagram, else
// the first file.
import { useState } from "react";
import { Card, CardContent } from "@/components/ui/card";
import { ArtifactViewer } from "./artifact-viewer";
import { FileTree } from "./file-tree";
import { isDiagram, type ArtifactFile } from "./types";

export function ArtifactsBrowser({ artifacts }: { artifacts: ArtifactFile[] }) {
  const [selectedPath, setSelectedPath] = useState<string | undefined>();
  const selected =
    artifacts.find((artifact) => artifact.path === selectedPath) ?? artifacts.find(isDiagram) ?? artifacts[0];
  if (!selected) return null;
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(16rem,20rem)_minmax(0,1fr)]">
      <Card className="lg:sticky lg:top-6 lg:max-h-[calc(100vh-3rem)] lg:self-start lg:overflow-y-auto">
        <CardContent className="p-3">
          <h3 className="mb-2 px-2 text-sm font-semibold tracking-wide text-fg-muted uppercase">Files ({artifacts.length})</h3>
          <FileTree artifacts={artifacts} selected={selected.path} onSelect={setSelectedPath} />
        </CardContent>
      </Card>
      <Card className="min-w-0">
        <CardContent>
          <ArtifactViewer key={selected.path} artifact={selected} />
        </CardContent>
      </Card>
    </div>
  );
}

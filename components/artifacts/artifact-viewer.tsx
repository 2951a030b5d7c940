"use client";
// ArtifactViewer: one artifact with its path, language, size and short sha256; copy, download, and for
// a Mermaid file the drawn diagram (zoom, pan, 1:1, full screen) with a switch to its source.
import { Check, Code2, Copy, Download, Workflow } from "lucide-react";
import { useState } from "react";
import { formatSize, languageLabels, languageOf } from "@/lib/artifacts/languages";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { DiagramViewer } from "@/components/diagrams/diagram-viewer";
import { CodeView } from "./code-view";
import { isDiagram, type ArtifactFile } from "./types";

/** Saves text as a file through a temporary object URL (no server round trip for one file). */
export function downloadText(name: string, content: string, mediaType: string) {
  const url = URL.createObjectURL(new Blob([content], { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Render it with `key={artifact.path}` so the source toggle starts over for each file. */
export function ArtifactViewer({ artifact }: { artifact: ArtifactFile }) {
  const { toast } = useToast();
  const diagram = isDiagram(artifact);
  const [showSource, setShowSource] = useState(false);
  const [copied, setCopied] = useState(false);
  const fileName = artifact.path.split("/").at(-1) ?? artifact.path;
  const language = diagram ? "mermaid" : languageOf(artifact);

  async function copy() {
    try {
      await navigator.clipboard.writeText(artifact.content);
      setCopied(true);
      toast({ title: `Copied ${fileName}`, tone: "healthy" });
      setTimeout(() => setCopied(false), 2000);
    } catch {
      toast({ title: "Not copied", description: "The browser did not allow access to the clipboard. Select the text and copy it instead.", tone: "critical" });
    }
  }

  return (
    <section aria-labelledby="artifact-viewer-title" className="flex min-w-0 flex-col gap-3" data-testid="artifact-viewer">
      <header className="flex flex-col gap-2 border-b border-border pb-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h3 id="artifact-viewer-title" className="min-w-0 font-mono text-lg font-semibold break-all">
            {artifact.path}
          </h3>
          <div className="no-print flex flex-wrap gap-2">
            {diagram && (
              <Button variant="secondary" size="sm" aria-pressed={showSource} onClick={() => setShowSource((value) => !value)}>
                {showSource ? <Workflow aria-hidden="true" /> : <Code2 aria-hidden="true" />} {showSource ? "Show diagram" : "Show source"}
              </Button>
            )}
            <Button variant="secondary" size="sm" onClick={() => void copy()}>
              {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />} {copied ? "Copied" : "Copy"}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => downloadText(fileName, artifact.content, artifact.mediaType)}>
              <Download aria-hidden="true" /> Download
            </Button>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm text-fg-muted">
          <Badge>{languageLabels[language]}</Badge>
          <Badge>{artifact.kind}</Badge>
          {artifact.size !== undefined && <span>{formatSize(artifact.size)}</span>}
          {artifact.sha256 && (
            <>
              <span aria-hidden="true">·</span>
              <span>
                sha256{" "}
                <code className="font-mono text-fg" title={artifact.sha256} data-testid="artifact-sha">
                  {artifact.sha256.slice(0, 12)}
                </code>
              </span>
            </>
          )}
        </div>
      </header>
      {diagram && !showSource ? (
        // The viewer's full width, zoom and pan, 1:1 and full screen: the same viewer as meeting mode.
        <div className="overflow-hidden rounded-md border border-border">
          <DiagramViewer
            source={artifact.content}
            label={`Diagram ${artifact.path}`}
            className="h-[min(70vh,40rem)] max-md:h-[26rem]"
            fitTo="the viewer"
            wheelZooms={false}
            keyboard
            fullScreen
            large={false}
            readableStart
          />
        </div>
      ) : (
        <CodeView artifact={artifact} className="max-h-[70vh]" />
      )}
    </section>
  );
}

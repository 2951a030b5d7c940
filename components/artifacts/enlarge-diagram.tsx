"use client";
// "Enlarge": a diagram in a wide dialog with the diagram viewer's zoom, pan and 1:1, for diagrams too
// wide to read where they are shown (the live preview's narrow panel).
import { Maximize2 } from "lucide-react";
import { DiagramViewer } from "@/components/diagrams/diagram-viewer";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

export function EnlargeDiagram({ path, source, label, variant = "ghost" }: { path: string; source: string; label: string; variant?: "ghost" | "secondary" }) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant={variant} size="sm" title="Show the diagram at full width">
          <Maximize2 aria-hidden="true" /> Enlarge
        </Button>
      </DialogTrigger>
      <DialogContent title={path} size="xl" className="max-w-[min(96vw,110rem)]">
        <DiagramViewer source={source} label={label} className="h-[75vh]" fitTo="the dialog" keyboard fullScreen large={false} />
      </DialogContent>
    </Dialog>
  );
}

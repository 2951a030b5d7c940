"use client";
// "Enlarge": a diagram at its natural size in a wide dialog, scrollable, for diagrams too wide to read
// where they are shown (a network with dozens of subnets fitted to a panel).
import { Maximize2 } from "lucide-react";
import { LazyMermaid } from "@/components/diagrams/lazy-mermaid";
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
        <div className="max-h-[80vh] overflow-auto">
          <LazyMermaid source={source} label={label} className="[&_svg]:max-w-none" />
        </div>
      </DialogContent>
    </Dialog>
  );
}

"use client";
// Downloads of SLO definitions as OpenSLO, Sloth or Prometheus rules (plain links: the browser saves the file).
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { exportFormatLabels, exportFormats } from "@/lib/slo/export-formats";

const hints: Record<(typeof exportFormats)[number], string> = {
  openslo: "Vendor-neutral SLO definitions",
  sloth: "Specs for sloth generate",
  prometheus: "Recording rules and burn-rate alerts",
  promtool: "promtool test rules file for the rules",
};

export function ExportMenu({ href, label = "Export" }: { href: string; label?: string }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary">
          <Download aria-hidden="true" /> {label}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>Download as YAML</DropdownMenuLabel>
        {exportFormats.map((format) => (
          <DropdownMenuItem key={format} asChild>
            <a href={`${href}?format=${format}`} download className="flex flex-col items-start gap-0 no-underline" data-format={format}>
              <span className="font-medium">{exportFormatLabels[format]}</span>
              <span className="text-sm opacity-80">{hints[format]}</span>
            </a>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

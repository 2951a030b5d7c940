"use client";
// A diagram as large as the slide allows, with zoom and pan: buttons, the mouse wheel, dragging, and the
// keys + / - / 0 / 1 (handled by meeting mode, which calls the imperative handle). A big diagram fitted to
// the slide can have tiny labels; "actual size" (1) shows it at the size Mermaid drew it (18 px text), to
// be panned by dragging.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from "react";
import { Maximize, Minus, Plus } from "lucide-react";
import { LazyMermaid } from "@/components/diagrams/lazy-mermaid";
import { Button } from "@/components/ui/button";

export interface DiagramViewerHandle {
  zoomIn(): void;
  zoomOut(): void;
  reset(): void;
  actualSize(): void;
}

const MIN_SCALE = 0.5;
const MAX_SCALE = 6;
const STEP = 1.25;

const clamp = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export const DiagramViewer = forwardRef<DiagramViewerHandle, { source: string; label: string }>(function DiagramViewer({ source, label }, ref) {
  const [view, setView] = useState({ scale: 1, x: 0, y: 0 });
  const drag = useRef<{ pointerId: number; startX: number; startY: number; originX: number; originY: number } | null>(null);
  const area = useRef<HTMLDivElement>(null);

  /** Zooms by `factor` keeping the point (px, py), relative to the area's centre, where it is. */
  const zoomAt = useCallback((factor: number, px = 0, py = 0) => {
    setView((current) => {
      const scale = clamp(current.scale * factor);
      const ratio = scale / current.scale;
      return { scale, x: px - (px - current.x) * ratio, y: py - (py - current.y) * ratio };
    });
  }, []);

  /** The zoom at which the drawing is at its natural size: the inverse of the factor that fitted it to the slide. */
  const actualSize = useCallback(() => {
    const svg = area.current?.querySelector("svg");
    const box = area.current?.getBoundingClientRect();
    const viewBox = svg?.viewBox.baseVal;
    if (!svg || !box || !viewBox || !viewBox.width || !viewBox.height) return;
    const fitted = Math.min(box.width / viewBox.width, box.height / viewBox.height);
    setView({ scale: Math.min(MAX_SCALE, Math.max(1, 1 / fitted)), x: 0, y: 0 });
  }, []);

  useImperativeHandle(ref, () => ({ zoomIn: () => zoomAt(STEP), zoomOut: () => zoomAt(1 / STEP), reset: () => setView({ scale: 1, x: 0, y: 0 }), actualSize }), [zoomAt, actualSize]);

  // A non-passive listener, so that the wheel zooms the diagram instead of scrolling anything.
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      zoomAt(event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX - box.left - box.width / 2, event.clientY - box.top - box.height / 2);
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [zoomAt]);

  // A new diagram starts unzoomed.
  useEffect(() => setView({ scale: 1, x: 0, y: 0 }), [source]);

  return (
    <div className="relative h-full w-full overflow-hidden" data-testid="diagram-area">
      <div
        ref={area}
        className="h-full w-full cursor-grab touch-none select-none active:cursor-grabbing"
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          drag.current = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, originX: view.x, originY: view.y };
        }}
        onPointerMove={(event) => {
          const current = drag.current;
          if (!current || current.pointerId !== event.pointerId) return;
          setView((state) => ({ ...state, x: current.originX + event.clientX - current.startX, y: current.originY + event.clientY - current.startY }));
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
      >
        <div className="h-full w-full origin-center" style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}>
          <LazyMermaid
            source={source}
            label={label}
            // Fill the slide: the SVG scales (by its viewBox) to the area, keeping its proportions.
            className="h-full min-h-0 items-center overflow-visible [&_svg]:h-full [&_svg]:max-h-full [&_svg]:w-full [&_svg]:max-w-none"
          />
        </div>
      </div>
      <div className="absolute right-4 bottom-4 flex items-center gap-2 rounded-md border border-border-strong bg-surface/95 p-2 shadow-lg" role="group" aria-label="Zoom">
        <Button variant="secondary" size="icon" onClick={() => zoomAt(1 / STEP)} aria-label="Zoom out (−)" aria-keyshortcuts="-">
          <Minus aria-hidden="true" />
        </Button>
        <span className="w-16 text-center text-lg font-semibold tabular-nums" aria-live="polite">
          {Math.round(view.scale * 100)}%
        </span>
        <Button variant="secondary" size="icon" onClick={() => zoomAt(STEP)} aria-label="Zoom in (+)" aria-keyshortcuts="+">
          <Plus aria-hidden="true" />
        </Button>
        <Button variant="secondary" size="icon" onClick={() => setView({ scale: 1, x: 0, y: 0 })} aria-label="Fit to the slide (0)" aria-keyshortcuts="0">
          <Maximize aria-hidden="true" />
        </Button>
        <Button variant="secondary" size="sm" className="h-10 px-3 text-base" onClick={actualSize} aria-label="Actual size (1)" aria-keyshortcuts="1">
          1:1
        </Button>
      </div>
    </div>
  );
});

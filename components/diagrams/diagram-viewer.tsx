"use client";
// A diagram as large as its area allows, with zoom and pan: buttons, the mouse wheel (with Ctrl or ⌘ where the
// page scrolls, always on a slide), dragging, and the keys + / - / 0 / 1. A big diagram fitted to its area can
// have tiny labels; "actual size" (1:1) shows it at the size Mermaid drew it (18 px text), from its top-left
// corner where it overflows (centred where it fits, see actual-size.ts), to be panned by dragging; "full screen" gives it the whole screen. The one viewer of meeting mode, the artifact viewer and
// the live preview's enlarged view (ADR 021).
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent } from "react";
import { Expand, Maximize, Minimize, Minus, Plus } from "lucide-react";
import { actualSizeView, drawingBox } from "@/components/diagrams/actual-size";
import { LazyMermaid } from "@/components/diagrams/lazy-mermaid";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export interface DiagramViewerHandle {
  zoomIn(): void;
  zoomOut(): void;
  reset(): void;
  actualSize(): void;
}

export interface DiagramViewerProps {
  source: string;
  label: string;
  /** Sizes the area; the diagram is fitted to it. Meeting mode fills the slide (h-full). */
  className?: string;
  /** What "fit" fits to, in the button's name: "the slide", "the viewer". */
  fitTo?: string;
  /** The wheel zooms without a modifier (a slide that never scrolls); otherwise Ctrl/⌘ + wheel zooms and the wheel scrolls the page. */
  wheelZooms?: boolean;
  /** The area takes focus and handles + / - / 0 / 1 itself (meeting mode handles them for the whole slide). */
  keyboard?: boolean;
  /** Offers a full-screen view. */
  fullScreen?: boolean;
  /** Larger controls, readable on a projector. */
  large?: boolean;
  /** A diagram that fitting would shrink below half its size opens at 1:1 from its top-left corner, to be panned. */
  readableStart?: boolean;
}

const MIN_SCALE = 0.5;
const MAX_SCALE = 6;
const STEP = 1.25;

const clamp = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export const DiagramViewer = forwardRef<DiagramViewerHandle, DiagramViewerProps>(function DiagramViewer(
  { source, label, className, fitTo = "the slide", wheelZooms = true, keyboard = false, fullScreen = false, large = true, readableStart = false },
  ref,
) {
  const [view, setView] = useState({ scale: 1, x: 0, y: 0 });
  const [isFullScreen, setIsFullScreen] = useState(false);
  const drag = useRef<{ pointerId: number; startX: number; startY: number; originX: number; originY: number } | null>(null);
  const area = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);

  /** Zooms by `factor` keeping the point (px, py), relative to the area's centre, where it is. */
  const zoomAt = useCallback((factor: number, px = 0, py = 0) => {
    setView((current) => {
      // 1:1 may be beyond the zoom limit (a very wide drawing): zooming in from there does not shrink it.
      const scale = factor > 1 ? Math.min(Math.max(MAX_SCALE, current.scale), current.scale * factor) : clamp(current.scale * factor);
      const ratio = scale / current.scale;
      return { scale, x: px - (px - current.x) * ratio, y: py - (py - current.y) * ratio };
    });
  }, []);

  const viewRef = useRef(view);
  viewRef.current = view;

  /** The view showing the drawing at its natural size (Mermaid's viewBox width), or null before it is drawn. */
  const measureActualSize = useCallback((current: { scale: number; x: number; y: number }) => {
    const svg = area.current?.querySelector("svg");
    const viewBox = svg?.viewBox.baseVal;
    if (!svg || !area.current || !viewBox || !viewBox.width || !viewBox.height) return null;
    const box = area.current.getBoundingClientRect();
    if (!box.width || !box.height) return null;
    return actualSizeView(box, drawingBox(svg.getBoundingClientRect(), viewBox), viewBox.width, current, { min: MIN_SCALE, max: Number.POSITIVE_INFINITY });
  }, []);

  const actualSize = useCallback(() => {
    const next = measureActualSize(viewRef.current);
    if (next) setView(next);
  }, [measureActualSize]);

  const reset = useCallback(() => setView({ scale: 1, x: 0, y: 0 }), []);

  // Once the drawing is there: start at 1:1 when fitting shrinks it so much that its labels cannot be read.
  useEffect(() => {
    const element = area.current;
    if (!readableStart || !element) return;
    let done = false;
    const start = () => {
      const svg = element.querySelector("svg");
      const viewBox = svg?.viewBox.baseVal;
      const box = element.getBoundingClientRect();
      if (done || !viewBox || !viewBox.width || !viewBox.height || !box.width || !box.height) return;
      done = true;
      const fitted = Math.min(box.width / viewBox.width, box.height / viewBox.height);
      if (fitted >= 0.5) return;
      const next = measureActualSize({ scale: 1, x: 0, y: 0 });
      if (next) setView(next);
    };
    const observer = new MutationObserver(start);
    observer.observe(element, { childList: true, subtree: true });
    const frame = requestAnimationFrame(start);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [readableStart, source, measureActualSize]);

  useImperativeHandle(ref, () => ({ zoomIn: () => zoomAt(STEP), zoomOut: () => zoomAt(1 / STEP), reset, actualSize }), [zoomAt, reset, actualSize]);

  // A non-passive listener, so that the wheel zooms the diagram instead of scrolling anything.
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (!wheelZooms && !event.ctrlKey && !event.metaKey && !document.fullscreenElement) return;
      event.preventDefault();
      const box = element.getBoundingClientRect();
      zoomAt(event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX - box.left - box.width / 2, event.clientY - box.top - box.height / 2);
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [zoomAt, wheelZooms]);

  useEffect(() => {
    const onChange = () => {
      setIsFullScreen(document.fullscreenElement === frame.current);
      setView({ scale: 1, x: 0, y: 0 });
    };
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  // A new diagram starts unzoomed: the view is kept per source, so a change of source resets it.
  const [shownSource, setShownSource] = useState(source);
  if (shownSource !== source) {
    setShownSource(source);
    setView({ scale: 1, x: 0, y: 0 });
  }

  function toggleFullScreen() {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void frame.current?.requestFullscreen().catch(() => undefined);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!keyboard || event.ctrlKey || event.metaKey || event.altKey) return;
    const actions: Record<string, () => void> = { "+": () => zoomAt(STEP), "=": () => zoomAt(STEP), "-": () => zoomAt(1 / STEP), "0": reset, "1": actualSize };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  const iconClass = large ? undefined : "size-9";
  return (
    <div ref={frame} className={cn("relative w-full overflow-hidden bg-surface", isFullScreen && "h-screen", className)} data-testid="diagram-area">
      <div
        ref={area}
        role={keyboard ? "group" : undefined}
        aria-roledescription={keyboard ? "zoomable diagram" : undefined}
        aria-label={keyboard ? `${label}. Keys: + and − zoom, 0 fits, 1 shows the actual size; drag to pan.` : undefined}
        tabIndex={keyboard ? 0 : undefined}
        onKeyDown={onKeyDown}
        className="h-full w-full cursor-grab touch-none select-none focus-visible:outline-2 focus-visible:outline-focus active:cursor-grabbing"
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
            // Fill the area: the SVG scales (by its viewBox) to it, keeping its proportions.
            className="h-full min-h-0 items-center overflow-visible [&_svg]:h-full [&_svg]:max-h-full [&_svg]:w-full [&_svg]:max-w-none"
          />
        </div>
      </div>
      <div
        className={cn("no-print absolute right-2 bottom-2 flex items-center gap-1.5 rounded-md border border-border-strong bg-surface/95 p-1.5 shadow-lg", large && "right-4 bottom-4 gap-2 p-2")}
        role="group"
        aria-label="Zoom"
      >
        <Button variant="secondary" size="icon" className={iconClass} onClick={() => zoomAt(1 / STEP)} aria-label="Zoom out (−)" aria-keyshortcuts="-" title="Zoom out (−)">
          <Minus aria-hidden="true" />
        </Button>
        <span className={cn("text-center font-semibold tabular-nums", large ? "w-16 text-lg" : "w-12 text-sm")} aria-live="polite">
          {Math.round(view.scale * 100)}%
        </span>
        <Button variant="secondary" size="icon" className={iconClass} onClick={() => zoomAt(STEP)} aria-label="Zoom in (+)" aria-keyshortcuts="+" title="Zoom in (+)">
          <Plus aria-hidden="true" />
        </Button>
        <Button variant="secondary" size="icon" className={iconClass} onClick={reset} aria-label={`Fit to ${fitTo} (0)`} aria-keyshortcuts="0" title={`Fit to ${fitTo} (0)`}>
          <Maximize aria-hidden="true" />
        </Button>
        <Button variant="secondary" size="sm" className={large ? "h-10 px-3 text-base" : "h-9 px-2"} onClick={actualSize} aria-label="1:1, actual size (1)" aria-keyshortcuts="1" title="Actual size (1)">
          1:1
        </Button>
        {fullScreen && (
          <Button variant="secondary" size="icon" className={iconClass} onClick={toggleFullScreen} aria-label={isFullScreen ? "Leave full screen" : "Full screen"} aria-pressed={isFullScreen} title={isFullScreen ? "Leave full screen (Esc)" : "Full screen"}>
            {isFullScreen ? <Minimize aria-hidden="true" /> : <Expand aria-hidden="true" />}
          </Button>
        )}
      </div>
    </div>
  );
});

// Where "actual size" (1:1) puts a diagram in the viewer: at the size Mermaid drew it, its top-left corner
// in the viewer's top-left corner along an axis where it is larger than the viewer (the place to start
// panning from), centred along an axis where it fits. Measured from the drawing on screen, not from where
// it should be, so padding or alignment around the SVG cannot shift it (it used to land a little below).

export interface View {
  scale: number;
  /** Translation of the drawing's layer, in screen pixels; the layer scales about the area's centre. */
  x: number;
  y: number;
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The view that shows the drawing at `naturalWidth` screen pixels wide, placed as described above.
 * `area` is the viewer's (untransformed) box, `drawing` the drawing's box on screen under `current`.
 */
export function actualSizeView(area: Rect, drawing: Rect, naturalWidth: number, current: View, limits: { min: number; max: number } = { min: 0, max: Number.POSITIVE_INFINITY }): View {
  const centreX = area.left + area.width / 2;
  const centreY = area.top + area.height / 2;
  // The drawing's box at scale 1 and no translation, relative to the area's centre.
  const left = (drawing.left - centreX - current.x) / current.scale;
  const top = (drawing.top - centreY - current.y) / current.scale;
  const width = drawing.width / current.scale;
  const height = drawing.height / current.scale;
  const scale = Math.min(limits.max, Math.max(limits.min, naturalWidth / width));
  const place = (size: number, areaStart: number, areaSize: number) => (size > areaSize ? areaStart : areaStart + (areaSize - size) / 2);
  const targetLeft = place(width * scale, area.left, area.width);
  const targetTop = place(height * scale, area.top, area.height);
  return { scale, x: targetLeft - centreX - scale * left, y: targetTop - centreY - scale * top };
}

/** The drawing inside an SVG element that scales its viewBox to fit (preserveAspectRatio "xMidYMid meet"). */
export function drawingBox(svg: Rect, viewBox: { width: number; height: number }): Rect {
  const ratio = Math.min(svg.width / viewBox.width, svg.height / viewBox.height);
  const width = viewBox.width * ratio;
  const height = viewBox.height * ratio;
  return { left: svg.left + (svg.width - width) / 2, top: svg.top + (svg.height - height) / 2, width, height };
}

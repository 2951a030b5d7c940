import { describe, expect, it } from "vitest";
import { actualSizeView, drawingBox } from "./actual-size";

const limits = { min: 0.5, max: 6 };
// A viewer of 800 × 400 px at (100, 50): its centre is at (500, 250).
const area = { left: 100, top: 50, width: 800, height: 400 };

describe("actual size (1:1)", () => {
  it("puts a drawing larger than the viewer at its natural size with its top-left corner in the viewer's", () => {
    // A 2000 × 500 drawing fitted to 800 × 200, centred: at (100, 150) on screen.
    const drawing = drawingBox({ left: 100, top: 50, width: 800, height: 400 }, { width: 2000, height: 500 });
    expect(drawing).toEqual({ left: 100, top: 150, width: 800, height: 200 });
    // Natural size: 2000 / 800 = 2.5. Relative to the centre the fitted drawing starts at (−400, −100);
    // scaled by 2.5 that is (−1000, −250), and the corner must land at (100, 50) = centre + (−400, −200):
    // x = −400 + 1000 = 600, y = −200 + 250 = 50.
    expect(actualSizeView(area, drawing, 2000, { scale: 1, x: 0, y: 0 }, limits)).toEqual({ scale: 2.5, x: 600, y: 50 });
  });

  it("does not depend on the current zoom and pan, and sees padding around the drawing", () => {
    // The same drawing 10 px lower than centred (padding above it), now shown at 2× and moved by (30, −20):
    // on screen its corner is at centre + 2 × (−400, −90) + (30, −20) = (−270, 50), its size 1600 × 400.
    const view = actualSizeView(area, { left: -270, top: 50, width: 1600, height: 400 }, 2000, { scale: 2, x: 30, y: -20 }, limits);
    // Scale 2.5; the corner (−400, −90) × 2.5 = (−1000, −225) must land at (−400, −200): x = 600, y = 25.
    expect(view).toEqual({ scale: 2.5, x: 600, y: 25 });
  });

  it("centres a drawing along an axis where it fits", () => {
    // A 1000 × 200 drawing fitted to 800 × 160 at (100, 170): at 1:1 it is 1000 × 200, wider but not taller
    // than the viewer, so left-aligned and vertically centred: top at 50 + (400 − 200) / 2 = 150.
    const view = actualSizeView(area, { left: 100, top: 170, width: 800, height: 160 }, 1000, { scale: 1, x: 0, y: 0 }, limits);
    expect(view.scale).toBe(1.25);
    // Corner (−400, −80) × 1.25 = (−500, −100) must land at (−400, −100): x = 100, y = 0.
    expect(view).toEqual({ scale: 1.25, x: 100, y: 0 });
  });

  it("stays within the zoom limits", () => {
    expect(actualSizeView(area, { left: 480, top: 240, width: 40, height: 20 }, 4000, { scale: 1, x: 0, y: 0 }, limits).scale).toBe(6);
  });
});

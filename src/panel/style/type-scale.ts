// How big the map's type is: label, legend and tooltip sizes follow the panel's size and the screen's pixel
// density instead of a fixed px, so a wall map stays legible at 3 m on a 1080p or an unscaled 4K TV. Pure.
//
// A panel of REFERENCE css px (a half-width dashboard panel) draws at 1×; a bigger one scales with the square
// root of its area (twice the width and height on an unscaled 4K screen: 2×); TV mode multiplies by TV.
// Sizes are css px: the browser multiplies them by devicePixelRatio (a 4K TV scaled 200 % draws them twice as
// many device pixels), except below 1 (a zoomed-out page), which is made up for.

export const REFERENCE = { width: 1000, height: 600 };
/** TV mode's factor on labels, legend and tooltips (fixed sizes before: labels 1.7, legend 1.8). */
export const TV = 2;
const MIN = 0.8,
  MAX = 4;

export interface TypeScale {
  /** Multiplies every font and swatch size. */
  factor: number;
  /** Zone label font size (css px) for a configured size. */
  label(configured: number): number;
  /** Legend and tooltip font size (css px). */
  ui: number;
}

export function typeScale(size: { width: number; height: number }, tv: boolean, devicePixelRatio = 1): TypeScale {
  const area =
    Math.sqrt(Math.max(1, size.width) * Math.max(1, size.height)) / Math.sqrt(REFERENCE.width * REFERENCE.height);
  const dpr = devicePixelRatio > 0 && devicePixelRatio < 1 ? 1 / devicePixelRatio : 1;
  const factor = round(clamp(area, MIN, MAX) * (tv ? TV : 1) * dpr);
  return { factor, label: (configured) => round(configured * factor), ui: round(12 * factor) };
}

/** Rounded to 0.05: a resize by a few pixels does not rebuild the layers. */
const round = (v: number) => Math.round(v * 20) / 20;
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

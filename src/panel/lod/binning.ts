// Binned density: points summed into square cells of a grid fixed in map metres, each bin placed at the
// mean of its points and coloured by its most frequent class. Pure.
import type { Extent, PointSet } from './points.ts';

export interface Bin {
  x: number;
  y: number;
  count: number;
  cls: number;
}

/**
 * @param cellSize cell side in map metres
 * @param classes  number of colour classes (class indices are < classes)
 */
export function binPoints(ps: PointSet, cellSize: number, classes: number): Bin[] {
  const index = new Map<number, number>();
  const sx: number[] = [],
    sy: number[] = [],
    count: number[] = [];
  const k = classes + 1;
  let classCounts = new Uint32Array(256 * k);
  // A cell key that is exact for any city-sized grid: |ix|, |iy| < 2^20 at cells ≥ 40 m.
  const OFFSET = 1 << 20;
  for (let i = 0; i < ps.n; i++) {
    const ix = Math.floor(ps.x[i] / cellSize) + OFFSET,
      iy = Math.floor(ps.y[i] / cellSize) + OFFSET;
    const key = ix * 2 * OFFSET + iy;
    let b = index.get(key);
    if (b === undefined) {
      b = count.length;
      index.set(key, b);
      sx.push(0);
      sy.push(0);
      count.push(0);
      if ((b + 1) * k > classCounts.length) {
        const grown = new Uint32Array(classCounts.length * 2);
        grown.set(classCounts);
        classCounts = grown;
      }
    }
    sx[b] += ps.x[i];
    sy[b] += ps.y[i];
    count[b]++;
    classCounts[b * k + Math.min(ps.cls[i], classes)]++;
  }
  const bins: Bin[] = new Array(count.length);
  for (let b = 0; b < count.length; b++) {
    let best = 0;
    for (let c = 1; c < k; c++) {
      if (classCounts[b * k + c] > classCounts[b * k + best]) {
        best = c;
      }
    }
    bins[b] = { x: sx[b] / count[b], y: sy[b] / count[b], count: count[b], cls: best };
  }
  return bins;
}

export function binsInExtent(bins: Bin[], e: Extent): Bin[] {
  return bins.filter((b) => b.x >= e[0] && b.x <= e[2] && b.y >= e[1] && b.y <= e[3]);
}

/** Bin radius in pixels: area grows with the count (square root), between min and max. */
export function binRadius(count: number, maxCount: number, minPx: number, maxPx: number): number {
  if (maxCount <= 1) {
    return minPx;
  }
  return minPx + (maxPx - minPx) * Math.sqrt((count - 1) / (maxCount - 1));
}

// Level of detail: what the points layer draws for a view. Raw points only when few enough are in view
// (and the user zoomed in far enough); otherwise bins whose size is fixed in screen pixels, snapped to
// powers of two so a small zoom does not re-bin. Either way, never more than `maxFeatures` features. Pure.
import { binsInExtent, type Bin } from './binning.ts';
import { bufferExtent, countInExtent, type Extent, type PointSet } from './points.ts';

export interface DetailOptions {
  /** The most features the layer may hold for a view. */
  maxFeatures: number;
  /** Raw points are never drawn below this zoom (city zoom shows density). */
  pointsMinZoom: number;
  /** Bin cell side in screen pixels. */
  binPixels: number;
}

export type Detail = { mode: 'points'; extent: Extent } | { mode: 'bins'; cellSize: number; extent: Extent };

/** Web-mercator metres per pixel at zoom 0 for 256 px tiles. */
const RESOLUTION_Z0 = 156543.03392804097;

export function zoomOf(resolution: number): number {
  return Math.log2(RESOLUTION_Z0 / resolution);
}

/** Cell size in metres for the resolution, snapped to RESOLUTION_Z0·2^-k so it changes only per whole zoom step. */
export function cellSizeFor(resolution: number, binPixels: number): number {
  const z = Math.floor(zoomOf(resolution) + 1e-9);
  return (RESOLUTION_Z0 / 2 ** z) * binPixels;
}

/** Decides points or bins for the view; the extent returned is the view grown by half on each side (pans stay drawn). */
export function chooseDetail(ps: PointSet, view: Extent, resolution: number, opts: DetailOptions): Detail {
  const extent = bufferExtent(view, 0.5);
  if (zoomOf(resolution) >= opts.pointsMinZoom && countInExtent(ps, extent, opts.maxFeatures) <= opts.maxFeatures) {
    return { mode: 'points', extent };
  }
  return { mode: 'bins', cellSize: cellSizeFor(resolution, opts.binPixels), extent };
}

/**
 * The bins for a view, never more than `maxFeatures`: a view larger than the screen can hold more cells than
 * allowed, then the cells double until they fit. `binsAt` gives all bins for a cell size (the caller caches).
 */
export function binsForView(
  binsAt: (cellSize: number) => Bin[],
  detail: { cellSize: number; extent: Extent },
  maxFeatures: number
): { bins: Bin[]; cellSize: number } {
  let cellSize = detail.cellSize;
  for (let i = 0; i < 20; i++, cellSize *= 2) {
    const bins = binsInExtent(binsAt(cellSize), detail.extent);
    if (bins.length <= maxFeatures) {
      return { bins, cellSize };
    }
  }
  return { bins: [], cellSize };
}

// What a request-points feature stands for, by the property that says so in each source.

/**
 * A feature the frame points layer builds (its `kind` property): one request, or a bin of the requests near
 * each other at city zoom. Numbers, as a WebGL style compares them.
 */
export const FRAME_FEATURE_KIND = { request: 0, bin: 1 } as const;

/**
 * The layers of the aggregator's request tiles (a feature's `layer` property): `requests`, the points; `bins`,
 * counts at the binned zooms, or a busy point tile's exact counts in small cells.
 */
export const TILE_LAYER = { requests: 'requests', bins: 'bins' } as const;

-- Pre-counted vector-tile bins. A binned tile (zoom z ≤ 13) draws 32 × 32 bins, which are the tiles of
-- zoom z + 5; counting them from the raw rows read every request of the tile and window (a year of the
-- whole city at zoom 8: 1M rows, ~800 ms). Here each request is counted once per day and once per month
-- in its cell at every cell zoom 5..18 (tile zooms 0..13), keyed by the tile holding the cell, so a tile
-- reads its whole months and days from one index range. The parts of a range finer than a day are read
-- from the raw rows, and requests marked in rollup_pending are corrected (current − counted) at query
-- time, so answers are exact. The rollup job applies the marks (backend/sql/rollups/apply_tile_bins.sql)
-- in the transaction that applies them to the rollups.
--
-- Positions are on an integer grid of 2^32 × 2^32 over the Web Mercator square (the zoom-32 "pixel",
-- ~1 cm at the equator): the cell and tile of a point are shifts of these integers, so the pre-count and
-- the raw rows put a point in the same bin, and a bin's mean position (sum / count) is the same however
-- the sum was added up.

-- x and y of a lon/lat point on the 2^32 grid (XYZ tile scheme: y grows southwards), clamped to the square.
CREATE FUNCTION tile_px(location geometry) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT least(greatest(floor((ST_X(location) + 180) / 360 * 4294967296::float8), 0), 4294967295)::bigint
$$;
CREATE FUNCTION tile_py(location geometry) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT least(greatest(floor((1 - ln(tan(radians(ST_Y(location))) + 1 / cos(radians(ST_Y(location)))) / pi()) / 2
                              * 4294967296::float8), 0), 4294967295)::bigint
$$;

-- The version of each located request last counted (what tile_bin_counts holds for it).
CREATE TABLE tile_bin_state (
  request_id bigint PRIMARY KEY,
  created_at timestamptz NOT NULL,
  px         bigint NOT NULL,
  py         bigint NOT NULL
);

-- Requests per cell: level = the cell's zoom (tile zoom + 5); (tx, ty) = the tile of zoom level − 5 holding
-- it and (i, j) = the cell in that tile (0..31); span 'd' = the day, 'm' = the month starting at bucket
-- (rollup_bucket: the reporting time zone). sx, sy: sums of px, py (the mean position is sx / n, sy / n).
CREATE TABLE tile_bin_counts (
  level  smallint NOT NULL,
  tx     integer NOT NULL,
  ty     integer NOT NULL,
  span   "char" NOT NULL CHECK (span IN ('d', 'm')),
  bucket timestamptz NOT NULL,
  i      smallint NOT NULL,
  j      smallint NOT NULL,
  n      integer NOT NULL,
  sx     bigint NOT NULL,
  sy     bigint NOT NULL,
  PRIMARY KEY (level, tx, ty, span, bucket, i, j) INCLUDE (n, sx, sy)
);

-- Counts every located request afresh (the migration's backfill; data loaded without rollup marks).
CREATE FUNCTION tile_bins_rebuild() RETURNS void
LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
  TRUNCATE tile_bin_state, tile_bin_counts;
  INSERT INTO tile_bin_state (request_id, created_at, px, py)
  SELECT id, created_at, tile_px(location), tile_py(location) FROM requests WHERE location IS NOT NULL;
  -- The finest cells by day from the requests, each coarser level from the one below, months from days.
  INSERT INTO tile_bin_counts (level, tx, ty, span, bucket, i, j, n, sx, sy)
  SELECT 18, (px >> 19)::int, (py >> 19)::int, 'd', rollup_bucket('day', created_at),
         ((px >> 14) & 31)::smallint, ((py >> 14) & 31)::smallint, count(*), sum(px), sum(py)
  FROM tile_bin_state GROUP BY 2, 3, 5, 6, 7;
  FOR l IN REVERSE 17..5 LOOP
    INSERT INTO tile_bin_counts (level, tx, ty, span, bucket, i, j, n, sx, sy)
    SELECT l, (cx >> 5)::int, (cy >> 5)::int, 'd', bucket, (cx & 31)::smallint, (cy & 31)::smallint, sum(n), sum(sx), sum(sy)
    FROM (SELECT (tx * 32 + i) >> 1 AS cx, (ty * 32 + j) >> 1 AS cy, bucket, n, sx, sy
          FROM tile_bin_counts WHERE level = l + 1 AND span = 'd') c
    GROUP BY 2, 3, 5, 6, 7;
  END LOOP;
  INSERT INTO tile_bin_counts (level, tx, ty, span, bucket, i, j, n, sx, sy)
  SELECT level, tx, ty, 'm', rollup_bucket('month', bucket), i, j, sum(n), sum(sx), sum(sy)
  FROM tile_bin_counts WHERE span = 'd' GROUP BY 1, 2, 3, 5, 6, 7;
END $$;

SELECT tile_bins_rebuild();

-- Geo API and recurrence: a cheap EPSG:3857 point for vector tiles, and the materialised hot spots.

-- EPSG:3857 is defined by the spherical formulas x = R·λ, y = R·ln tan(π/4 + φ/2) with R = 6378137, so
-- this gives the coordinates of ST_Transform(p, 3857) (to float rounding) without a PROJ call per point:
-- measured about 2× faster for a 10,000-point tile and 5× for binning 80,000 points. An SQL function
-- the planner inlines; a stored 3857 column did not pay more than this (measured, see bench/geo.ts).
CREATE FUNCTION web_mercator_point(p geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ST_SetSRID(ST_MakePoint(radians(ST_X(p)) * 6378137.0,
                                 ln(tan(pi() / 4 + radians(ST_Y(p)) / 2)) * 6378137.0), 3857)
$$;

-- Hot spots (same-topic reports close in space and time), refreshed by the recurrence job. Each refresh
-- is a run; readers take the newest run, a refresh removes the older ones.
CREATE TABLE recurrence_hotspot_runs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  window_from timestamptz NOT NULL,
  window_to   timestamptz NOT NULL,
  eps_m       double precision NOT NULL,
  min_points  integer NOT NULL,
  srid        integer NOT NULL,
  hotspots    integer NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL
);

CREATE TABLE recurrence_hotspots (
  run_id      bigint NOT NULL REFERENCES recurrence_hotspot_runs(id) ON DELETE CASCADE,
  topic_code  text NOT NULL REFERENCES topics(code),
  zone_id     integer REFERENCES zones(id) ON DELETE SET NULL,  -- the zone most of its reports fall in
  count       integer NOT NULL CHECK (count > 0),
  first_at    timestamptz NOT NULL,
  last_at     timestamptz NOT NULL,
  centroid    geometry(Point, 4326) NOT NULL,
  hull        geometry(Geometry, 4326) NOT NULL,                -- convex hull (a point or line when degenerate)
  radius_m    double precision NOT NULL,                        -- farthest report from the centroid
  request_ids bigint[] NOT NULL
);
CREATE INDEX recurrence_hotspots_run_idx ON recurrence_hotspots (run_id, count DESC);
